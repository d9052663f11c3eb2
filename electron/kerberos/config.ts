import { z } from 'zod';

/** `host`, `host:port` or `[ipv6]:port`. */
const hostPort = z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[^\s:[\]/@]+)(:\d{1,5})?$/, 'expected host or host:port');

/** Kerberos password transport settings. Validated where configuration enters the main side. */
export const kerberosConfigSchema = z.object({
  /** Kerberos realm, e.g. EXAMPLE.TEST (case matters: it is part of every principal and salt). */
  realm: z.string().regex(/^[^\s/@\\]+$/),
  /** KDCs tried in order (default port 88). Empty: DNS SRV `_kerberos._tcp|_udp.<realm>`. */
  kdcs: z.array(hostPort).default([]),
  /** kpasswd servers tried in order (default port 464). Empty: the configured KDC hosts, or with DNS discovery `_kpasswd._tcp|_udp.<realm>`, else the KDC hosts. */
  kpasswdServers: z.array(hostPort).default([]),
  /** TCP is dependable; AS replies from AD DCs carry a PAC too large for UDP (then TCP is used anyway). */
  transport: z.enum(['tcp', 'udp']).default('tcp'),
  /** Principal of the reset account for set-password (e.g. sesame-svc@EXAMPLE.TEST); its password is the service account's. */
  servicePrincipal: z.string().regex(/^[^\s@]+(@[^\s@]+)?$/).optional(),
  connectTimeoutMs: z.number().int().positive().default(3000),
  requestTimeoutMs: z.number().int().positive().default(10000),
});
export type KerberosConfig = z.infer<typeof kerberosConfigSchema>;
export type KerberosConfigInput = z.input<typeof kerberosConfigSchema>;
