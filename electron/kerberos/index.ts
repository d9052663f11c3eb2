/**
 * Kerberos password change and set (RFC 3244 kpasswd) in plain Node: no native module.
 *
 * API
 * ```ts
 * const transport = new KerberosPasswordTransport({
 *   realm: 'EXAMPLE.TEST',
 *   kdcs: ['dc1.example.test'],            // optional: default DNS SRV _kerberos._tcp.<realm>
 *   kpasswdServers: [],                     // optional: DNS SRV _kpasswd._tcp.<realm>, else KDC hosts:464
 *   transport: 'tcp',                       // or 'udp' (AS replies too big for UDP retry over TCP)
 *   connectTimeoutMs: 3000, requestTimeoutMs: 10000,
 * }, { now: () => new Date(),              // dependencies (all optional): clock, SRV resolver,
 *      onExchange: (event) => log(event) });  // which server answered over what, for diagnostics
 *
 * await transport.changePassword('alice', 'old', 'new');                       // user's own, kpasswd v1
 * await transport.setPassword('svc-reset', 'svcPw', 'alice@EXAMPLE.TEST', 'new'); // reset, kpasswd v0xFF80
 * ```
 * Both resolve on success and reject with a `DirectoryError` (electron/directory/errors.ts):
 * - `invalidCredentials`: wrong current (or admin) password: pre-authentication failed
 * - `userNotFound`: the client principal is unknown to the KDC, or the set target does not exist
 * - `passwordPolicy` (with `details.failedRules`) / `passwordTooYoung`: refused by policy; AD's binary
 *   policy block and Samba/MIT text reasons are both decoded
 * - `clockSkew`: client and KDC clocks too far apart (the log message gives the measured offset)
 * - `accountLocked` / `accountDisabled` / `accountExpired` / `accountRestricted`: from AD's NTSTATUS in
 *   the KDC error when present (MIT only says "revoked", reported as `accountLocked`)
 * - `passwordExpired`, `insufficientRights` (no right to set), `unwillingToPerform`
 * - `serverUnavailable` / `timeout`: no configured or discovered server answered (each is tried in turn)
 * - `configuration`: no server known, realm or kadmin/changepw unknown, no AES key for the user
 * - `protocol`: an answer that cannot be interpreted or fails its integrity check
 * Messages never contain a password or key.
 *
 * Inside: RFC 3961/3962 AES-CTS-HMAC-SHA1-96 and RFC 8009 AES-CTS-HMAC-SHA2 on node:crypto (crypto/), DER through asn1js (asn1/),
 * an AS exchange with encrypted-timestamp pre-authentication for an initial kadmin/changepw ticket
 * (as-exchange.ts), then AP-REQ with a subkey + KRB-PRIV (kpasswd-exchange.ts).
 */
export { KerberosPasswordTransport, type KerberosExchangeEvent, type KerberosTransportDependencies } from './transport';
export { kerberosConfigSchema, type KerberosConfig, type KerberosConfigInput } from './config';
export { resolveKerberosEndpoints, type KerberosEndpoints } from './discovery';
