import { z } from 'zod';

/** Directory connection and scope settings. Validated where configuration enters the main side. */
export const directoryConfigSchema = z.object({
  kind: z.enum(['activeDirectory', 'passwordModify']),
  /** ldaps:// or ldap:// (then startTls must be true) URLs, tried in order. */
  servers: z.array(z.string().regex(/^ldaps?:\/\/[^\s/]+(:\d+)?\/?$/)).default([]),
  /** AD domain for DNS SRV discovery when `servers` is empty (e.g. example.test). */
  discoveryDomain: z.string().min(1).optional(),
  startTls: z.boolean().default(false),
  /** PEM of the CA(s) to trust. The system store is not used unless this is absent. */
  caPem: z.string().optional(),
  /** Name to verify the certificate against when connecting by IP (Samba names only host.realm). */
  tlsServerName: z.string().optional(),
  connectTimeoutMs: z.number().int().positive().default(5000),
  operationTimeoutMs: z.number().int().positive().default(10000),
  serviceBindDn: z.string().min(1),
  servicePassword: z.string().min(1),
  baseDns: z.array(z.string().min(1)).min(1),
  /** Attributes a typed name is matched against, e.g. ['sAMAccountName', 'userPrincipalName']. */
  loginAttributes: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/)).min(1),
  /** When non-empty, the user must be a (nested, on AD) member of one of these. */
  allowedGroups: z.array(z.string()).default([]),
  excludedGroups: z.array(z.string()).default([]),
  /** Refuse adminCount=1 accounts and members of the protected groups (AD). */
  refuseProtectedAccounts: z.boolean().default(true),
  /** AD: send LDAP_SERVER_POLICY_HINTS on reset so history and age are enforced. */
  policyHints: z.boolean().default(true),
  /** OpenLDAP: DN of the default ppolicy entry, used when an entry has no pwdPolicySubentry. */
  defaultPolicyDn: z.string().optional(),
  /**
   * Password Modify servers: an LDAP filter (set by the administrator) that marks an account disabled
   * besides ppolicy's permanent lock, e.g. `(nsAccountLock=TRUE)` on 389 DS.
   */
  disabledAccountFilter: z.string().regex(/^\(.*\)$/s).optional(),
  /**
   * Password Modify servers: a ppolicy entry without pwdMaxAge. The help desk's "password never expires"
   * assigns it as the account's pwdPolicySubentry (ppolicy has no per-account switch); unset, the help
   * desk reports that action unsupported.
   */
  neverExpiresPolicyDn: z.string().min(1).optional(),
});
export type DirectoryConfig = z.infer<typeof directoryConfigSchema>;
export type DirectoryConfigInput = z.input<typeof directoryConfigSchema>;
