/**
 * Every setting Group Policy (and the MSI) can set: registry value name under HKLM\SOFTWARE\Policies\Sesame,
 * the configuration key it sets, and how its registry data is read. The ADMX templates and the MSI are
 * checked against this table by tests, so adding a setting here is where a new policy starts.
 */
export type PolicyValueKind = 'string' | 'stringList' | 'boolean' | 'integer' | 'integerList';

/** Group Policy editor folders under Sesame. */
export const policyCategories = ['Directory', 'Adapter', 'Tls', 'Scope', 'Flows', 'Questions', 'Lockout', 'Audit', 'Kiosk', 'Languages'] as const;
export type PolicyCategory = (typeof policyCategories)[number];

export interface PolicySetting {
  valueName: string;
  category: PolicyCategory;
  /** Key path in configurationSettingsSchema. */
  key: readonly string[];
  kind: PolicyValueKind;
}

type Row = [valueName: string, key: string, kind: PolicyValueKind];
const group = (category: PolicyCategory, rows: Row[]): PolicySetting[] =>
  rows.map(([valueName, key, kind]) => ({ valueName, category, key: key.split('.'), kind }));

export const policySettings: readonly PolicySetting[] = [
  ...group('Directory', [
    ['DirectoryKind', 'directory.kind', 'string'],
    ['DirectoryServers', 'directory.servers', 'stringList'],
    ['DiscoveryDomain', 'directory.discoveryDomain', 'string'],
    ['StartTls', 'directory.startTls', 'boolean'],
    ['ConnectTimeoutMs', 'directory.connectTimeoutMs', 'integer'],
    ['OperationTimeoutMs', 'directory.operationTimeoutMs', 'integer'],
    ['ServiceBindDn', 'directory.serviceBindDn', 'string'],
    ['BaseDns', 'directory.baseDns', 'stringList'],
    ['LoginAttributes', 'directory.loginAttributes', 'stringList'],
    ['PolicyHints', 'directory.policyHints', 'boolean'],
    ['DefaultPolicyDn', 'directory.defaultPolicyDn', 'string'],
  ]),
  ...group('Adapter', [
    ['PasswordTransport', 'adapter.passwordTransport', 'string'],
    ['KerberosRealm', 'kerberos.realm', 'string'],
    ['KerberosKdcs', 'kerberos.kdcs', 'stringList'],
    ['KerberosKpasswdServers', 'kerberos.kpasswdServers', 'stringList'],
  ]),
  ...group('Tls', [
    ['TlsCaFile', 'tls.caFile', 'string'],
    ['TlsServerName', 'directory.tlsServerName', 'string'],
  ]),
  ...group('Scope', [
    ['AllowedGroups', 'directory.allowedGroups', 'stringList'],
    ['ExcludedGroups', 'directory.excludedGroups', 'stringList'],
    ['RefuseProtectedAccounts', 'directory.refuseProtectedAccounts', 'boolean'],
  ]),
  ...group('Flows', [
    ['GatesForgotPassword', 'flows.gates.forgotPassword', 'stringList'],
    ['GatesUnlockAccount', 'flows.gates.unlockAccount', 'stringList'],
    ['EnrollTotp', 'flows.enrollTotp', 'boolean'],
    ['TotpIssuer', 'flows.totp.issuer', 'string'],
    ['SessionLifetimeSeconds', 'flows.sessionLifetimeSeconds', 'integer'],
  ]),
  ...group('Questions', [
    ['QuestionsShownAtRegistration', 'flows.questions.shownAtRegistration', 'integer'],
    ['QuestionsRequiredAtRegistration', 'flows.questions.requiredAtRegistration', 'integer'],
    ['QuestionsPresentedAtReset', 'flows.questions.presentedAtReset', 'integer'],
    ['QuestionsRequiredCorrectAtReset', 'flows.questions.requiredCorrectAtReset', 'integer'],
    ['AllowCustomQuestions', 'flows.allowCustomQuestions', 'boolean'],
    ['MinAnswerLength', 'flows.minAnswerLength', 'integer'],
  ]),
  ...group('Lockout', [
    ['LockoutFailuresBeforeLockout', 'flows.lockout.failuresBeforeLockout', 'integer'],
    ['LockoutDurationsSeconds', 'flows.lockout.lockoutDurationsSeconds', 'integerList'],
    ['LockoutTimedBeforePermanent', 'flows.lockout.timedLockoutsBeforePermanent', 'integer'],
    ['LockoutFailureWindowSeconds', 'flows.lockout.failureWindowSeconds', 'integer'],
  ]),
  ...group('Audit', [
    ['AuditLogPath', 'audit.path', 'string'],
  ]),
  ...group('Kiosk', [
    ['KioskMode', 'kiosk.enabled', 'boolean'],
    ['KioskId', 'kiosk.id', 'string'],
    ['KioskIdleTimeoutSeconds', 'kiosk.idleTimeoutSeconds', 'integer'],
    ['EnabledFlows', 'kiosk.enabledFlows', 'stringList'],
    ['HelpDeskOffered', 'kiosk.helpDeskOffered', 'boolean'],
  ]),
  ...group('Languages', [
    ['DefaultLanguage', 'languages.default', 'string'],
    ['AvailableLanguages', 'languages.available', 'stringList'],
  ]),
];

/**
 * Value names that would hold a secret. The loader refuses them: policy is readable by every user on the
 * machine and copied to SYSVOL, so a secret there is a secret given away.
 */
export const forbiddenSecretValueNames: readonly string[] = ['ServicePassword', 'TotpSecretKey', 'DecoyKey', 'EnrollmentKey', 'HmacKey'];
export const secretValueNamePattern = /password|secret|(^|[a-z])key$/i;
