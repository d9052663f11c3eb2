/**
 * What the integration tier's global setup provides to tests: connection facts for each real server
 * started once per run. Tests create their own users (see slapd-users.ts / samba-users.ts).
 */
export interface SlapdInfo {
  /** ldaps://127.0.0.1:<port> */
  ldapsUrl: string;
  /** ldap://127.0.0.1:<port> (StartTLS available) */
  ldapUrl: string;
  caPem: string;
  baseDn: string;
  peopleDn: string;
  groupsDn: string;
  /** rootdn, for test set-up only (never used by the code under test) */
  adminDn: string;
  adminPassword: string;
  /** Sesame's service account: write on userPassword and the ppolicy state attributes, nothing more. */
  serviceDn: string;
  servicePassword: string;
  defaultPolicyDn: string;
  /** Help-desk operators' group: the ACLs make it a password administrator (resets, lockout state, pwdEndTime). */
  helpdeskGroupDn: string;
  /** Help-desk readers' group: read access to users and their password-policy state only. */
  helpdeskReadersGroupDn: string;
  /** A ppolicy entry without pwdMaxAge, for the help desk's "password never expires". */
  neverExpiresPolicyDn: string;
  pid: number;
}

export interface SambaInfo {
  /** ldaps://127.0.0.1:636 */
  ldapsUrl: string;
  /** ldap://127.0.0.1:389 (StartTLS) */
  ldapUrl: string;
  caPem: string;
  /** The DC certificate names only <host>.<realm>: verify against this. */
  tlsServerName: string;
  realm: string; // EXAMPLE.TEST
  domain: string; // EXAMPLE
  baseDn: string; // DC=example,DC=test
  usersDn: string; // CN=Users,DC=example,DC=test
  adminDn: string;
  adminPassword: string;
  /** Delegated reset account: Reset Password right plus write on lockoutTime and pwdLastSet. */
  serviceDn: string;
  servicePassword: string;
  /** Group to which the fine-grained policy (PSO) with a minimum length of 12 applies. */
  longPasswordGroupDn: string;
  longPasswordPsoDn: string;
  /** Existing attribute the service account may write, used for enrollment records in tests (see samba/provision.ts). */
  enrollmentAttribute: string;
  /** Help-desk operators' group: Reset Password and write on lockoutTime, pwdLastSet, userAccountControl, accountExpires. */
  helpdeskGroupDn: string;
  /** Help-desk readers' group: no delegation beyond default reads. */
  helpdeskReadersGroupDn: string;
  /** The provisioned directory, for samba-tool -H tdb://... calls in tests. */
  targetDir: string;
  smbConf: string;
  kdc: string; // 127.0.0.1:88
  kpasswd: string; // 127.0.0.1:464
  pid: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    slapd: SlapdInfo;
    samba: SambaInfo;
  }
}
