/** Help-desk settings: rights per directory group, caller verification, session and search bounds. */
import { z } from 'zod';
import { verificationModes } from '../../shared/helpdesk';
import { rightsMappingSchema } from './rights';

export const helpdeskConfigSchema = z.object({
  /** Directory groups (nested membership counts) and the Sesame rights each grants. */
  rights: rightsMappingSchema,
  /** How the operator verifies a caller before any action. */
  callerVerification: z.enum(verificationModes).default('either'),
  /** How long a passed verification covers actions on that caller, within the operator's session. */
  verificationTtlSeconds: z.number().int().positive().default(600),
  /** An operator session ends after this long without a call (its bind and password are dropped). */
  idleTimeoutSeconds: z.number().int().positive().default(900),
  /** ...and after this long in any case. */
  sessionLifetimeSeconds: z.number().int().positive().default(8 * 3600),
  maxSessions: z.number().int().positive().default(200),
  searchPageSize: z.number().int().min(1).max(50).default(20),
  /** A help-desk reset makes the user change the password at next logon unless the operator says otherwise. */
  mustChangeByDefault: z.boolean().default(true),
});
export type HelpdeskConfig = z.infer<typeof helpdeskConfigSchema>;
export type HelpdeskConfigInput = z.input<typeof helpdeskConfigSchema>;
