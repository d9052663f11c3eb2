/** How the Sesame host runs: where it listens, TLS, limits. Loopback and plain HTTP unless configured. */
import { z } from 'zod';

const bucketSchema = z.object({ capacity: z.number().int().positive(), perSecond: z.number().positive() });

export const hostOptionsSchema = z.object({
  /** Loopback by default: web access beyond this machine is an explicit choice (and then wants TLS). */
  listenHost: z.string().min(1).default('127.0.0.1'),
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65535).default(0),
  tls: z.object({ certFile: z.string().min(1), keyFile: z.string().min(1) }).optional(),
  /** Host names (without port) browsers may use to reach the host; guards against DNS rebinding. */
  publicHostNames: z.array(z.string().min(1)).default(['127.0.0.1', 'localhost']),
  /** The built renderer. */
  staticRoot: z.string().min(1),
  /** Names this host in audit records, as a kiosk id does. */
  kioskId: z.string().min(1).default('web'),
  maxBodyBytes: z.number().int().positive().default(16 * 1024),
  /** Browser session cookie lifetime without activity. */
  sessionIdleSeconds: z.number().int().positive().default(1800),
  /** Every request, per remote address (static files included). */
  perAddressRate: bucketSchema.default({ capacity: 300, perSecond: 50 }),
  /** API calls per browser session (the live password checklist calls as the user types). */
  perSessionRate: bucketSchema.default({ capacity: 40, perSecond: 5 }),
});
export type HostOptions = z.infer<typeof hostOptionsSchema>;
export type HostOptionsInput = z.input<typeof hostOptionsSchema>;
