/**
 * Public MSI properties an administrator sets on the msiexec command line or in an MST transform. Each is
 * written to the policy value of the same meaning; lists may be given `;`-separated (written as REG_SZ,
 * which the loader splits) or with MSI's `[~]` separator (written as REG_MULTI_SZ).
 */
export const msiPolicyProperties: Readonly<Record<string, string>> = {
  DIRECTORY_KIND: 'DirectoryKind',
  DIRECTORY_URL: 'DirectoryServers',
  DISCOVERY_DOMAIN: 'DiscoveryDomain',
  BASE_DN: 'BaseDns',
  SERVICE_BIND_DN: 'ServiceBindDn',
  LOGIN_ATTRIBUTES: 'LoginAttributes',
  TLS_CA_FILE: 'TlsCaFile',
  ALLOWED_GROUPS: 'AllowedGroups',
  KIOSK_MODE: 'KioskMode',
  KIOSK_ID: 'KioskId',
  ENABLED_FLOWS: 'EnabledFlows',
  HELPDESK_OFFERED: 'HelpDeskOffered',
  AUDIT_PATH: 'AuditLogPath',
  DEFAULT_LANGUAGE: 'DefaultLanguage',
};

/** Fixed for the life of the product: Windows Installer finds earlier versions to upgrade by it. */
export const upgradeCode = '6D7B3E2A-4C1F-4B8E-9A55-2F1C7D9E0A11';

/** Main executable in the unpacked app folder (electron-builder names electron.exe after the product). */
export const mainExecutable = 'Sesame.exe';
