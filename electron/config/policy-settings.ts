/**
 * Every setting Group Policy (and the MSI) can set: registry value name under HKLM\SOFTWARE\Policies\Sesame,
 * the configuration key it sets, and how its registry data is read. The ADMX templates and the MSI are
 * checked against this table by tests, so adding a setting here is where a new policy starts.
 */
export type PolicyValueKind = 'string' | 'stringList' | 'boolean' | 'integer' | 'integerList';

export interface PolicySetting {
  valueName: string;
  /** Key path in configurationSettingsSchema. */
  key: readonly string[];
  kind: PolicyValueKind;
}

const s = (valueName: string, key: string, kind: PolicyValueKind): PolicySetting => ({ valueName, key: key.split('.'), kind });

export const policySettings: readonly PolicySetting[] = [
  // Directory and its adapter
  s('DirectoryKind', 'directory.kind', 'string'),
  s('DirectoryServers', 'directory.servers', 'stringList'),
  s('DiscoveryDomain', 'directory.discoveryDomain', 'string'),
  s('StartTls', 'directory.startTls', 'boolean'),
  s('ConnectTimeoutMs', 'directory.connectTimeoutMs', 'integer'),
  s('OperationTimeoutMs', 'directory.operationTimeoutMs', 'integer'),
  s('ServiceBindDn', 'directory.serviceBindDn', 'string'),
  s('BaseDns', 'directory.baseDns', 'stringList'),
  s('LoginAttributes', 'directory.loginAttributes', 'stringList'),
  s('PolicyHints', 'directory.policyHints', 'boolean'),
  s('DefaultPolicyDn', 'directory.defaultPolicyDn', 'string'),
  s('PasswordTransport', 'adapter.passwordTransport', 'string'),
  s('KerberosRealm', 'kerberos.realm', 'string'),
  s('KerberosKdcs', 'kerberos.kdcs', 'stringList'),
  s('KerberosKpasswdServers', 'kerberos.kpasswdServers', 'stringList'),
  // TLS trust
  s('TlsCaFile', 'tls.caFile', 'string'),
  s('TlsServerName', 'directory.tlsServerName', 'string'),
  // Scope
  s('AllowedGroups', 'directory.allowedGroups', 'stringList'),
  s('ExcludedGroups', 'directory.excludedGroups', 'stringList'),
  s('RefuseProtectedAccounts', 'directory.refuseProtectedAccounts', 'boolean'),
  // Flows and gates
  s('GatesForgotPassword', 'flows.gates.forgotPassword', 'stringList'),
  s('GatesUnlockAccount', 'flows.gates.unlockAccount', 'stringList'),
  s('EnrollTotp', 'flows.enrollTotp', 'boolean'),
  s('TotpIssuer', 'flows.totp.issuer', 'string'),
  s('SessionLifetimeSeconds', 'flows.sessionLifetimeSeconds', 'integer'),
  // Questions
  s('QuestionsShownAtRegistration', 'flows.questions.shownAtRegistration', 'integer'),
  s('QuestionsRequiredAtRegistration', 'flows.questions.requiredAtRegistration', 'integer'),
  s('QuestionsPresentedAtReset', 'flows.questions.presentedAtReset', 'integer'),
  s('QuestionsRequiredCorrectAtReset', 'flows.questions.requiredCorrectAtReset', 'integer'),
  s('AllowCustomQuestions', 'flows.allowCustomQuestions', 'boolean'),
  s('MinAnswerLength', 'flows.minAnswerLength', 'integer'),
  // Lockout
  s('LockoutFailuresBeforeLockout', 'flows.lockout.failuresBeforeLockout', 'integer'),
  s('LockoutDurationsSeconds', 'flows.lockout.lockoutDurationsSeconds', 'integerList'),
  s('LockoutTimedBeforePermanent', 'flows.lockout.timedLockoutsBeforePermanent', 'integer'),
  s('LockoutFailureWindowSeconds', 'flows.lockout.failureWindowSeconds', 'integer'),
  // Audit
  s('AuditLogPath', 'audit.path', 'string'),
  // Kiosk
  s('KioskMode', 'kiosk.enabled', 'boolean'),
  s('KioskId', 'kiosk.id', 'string'),
  s('KioskIdleTimeoutSeconds', 'kiosk.idleTimeoutSeconds', 'integer'),
  s('EnabledFlows', 'kiosk.enabledFlows', 'stringList'),
  s('HelpDeskOffered', 'kiosk.helpDeskOffered', 'boolean'),
  // Languages
  s('DefaultLanguage', 'languages.default', 'string'),
  s('AvailableLanguages', 'languages.available', 'stringList'),
];

/**
 * Value names that would hold a secret. The loader refuses them: policy is readable by every user on the
 * machine and copied to SYSVOL, so a secret there is a secret given away.
 */
export const forbiddenSecretValueNames: readonly string[] = ['ServicePassword', 'TotpSecretKey', 'DecoyKey', 'EnrollmentKey', 'HmacKey'];
export const secretValueNamePattern = /password|secret|(^|[a-z])key$/i;
