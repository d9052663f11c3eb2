/**
 * The one configuration schema for everything the app reads. Two forms: `configurationSettingsSchema` is
 * what policy and the config file may hold (no secrets), `sesameConfigurationSchema` is what the app runs
 * with once secrets and the CA file are added. Sections reuse the owning modules' schemas.
 */
import { z } from 'zod';
import { flowKindSchema } from '../../shared/flow';
import { directoryConfigSchema } from '../directory/config';
import { flowConfigSchema } from '../flows/config';
import { helpdeskConfigSchema } from '../helpdesk/config';
import { kerberosConfigSchema } from '../kerberos/config';
import { defaultQuestionCatalogue } from './default-questions';

export const languageTags = ['en', 'de', 'fr'] as const;
const languageSchema = z.enum(languageTags);

const kioskSchema = z.strictObject({
  /** Kiosk mode: full screen, no way out but the app's own buttons (the logon-screen helper session). */
  enabled: z.boolean().default(true),
  /** Names this kiosk in audit records; the host name when absent. */
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash, underscore; 1 to 64').optional(),
  /** Back to the welcome screen after this much inactivity. */
  idleTimeoutSeconds: z.number().int().min(15).max(3600).default(90),
  enabledFlows: z.array(flowKindSchema).min(1).default(['forgotPassword', 'unlockAccount']),
  helpDeskOffered: z.boolean().default(false),
});

const languagesSchema = z
  .strictObject({
    default: languageSchema.default('en'),
    available: z.array(languageSchema).min(1).default([...languageTags]),
  })
  .refine((l) => l.available.includes(l.default), { message: 'default language is not among the available ones', path: ['default'] });

const auditSchema = z.strictObject({
  /** Append-only audit log; a platform default when absent (see paths.ts). */
  path: z.string().min(1).optional(),
});

const tlsSchema = z.strictObject({
  /** PEM file of the CA(s) that issued the directory servers' certificates. */
  caFile: z.string().min(1).optional(),
});

const adapterSchema = z.strictObject({
  /** How a new password reaches the directory: an LDAP modify (AD, RFC 3062) or Kerberos set-password. */
  passwordTransport: z.enum(['ldap', 'kerberos']).default('ldap'),
});

/** Secrets never come from policy or the config file; they are added from the secret store. */
const directorySettingsSchema = directoryConfigSchema.omit({ servicePassword: true, caPem: true }).strict();
const flowSettingsSchema = z
  .strictObject(flowConfigSchema.shape)
  .omit({ keys: true, defaultLanguage: true })
  .extend({ catalogue: flowConfigSchema.shape.catalogue.default(defaultQuestionCatalogue) });

export const configurationSettingsSchema = z
  .strictObject({
    directory: directorySettingsSchema,
    kerberos: kerberosConfigSchema.strict().optional(),
    adapter: adapterSchema.default({ passwordTransport: 'ldap' }),
    tls: tlsSchema.default({}),
    flows: flowSettingsSchema.default(() => flowSettingsSchema.parse({})),
    kiosk: kioskSchema.default(() => kioskSchema.parse({})),
    audit: auditSchema.default({}),
    languages: languagesSchema.default(() => languagesSchema.parse({})),
    /** Help desk (operators' rights per directory group, caller verification); off when absent. Config file only: a rights table is no policy value. */
    helpdesk: z.strictObject(helpdeskConfigSchema.shape).optional(),
  })
  .refine((s) => s.adapter.passwordTransport !== 'kerberos' || s.kerberos !== undefined, {
    message: 'passwordTransport "kerberos" needs the kerberos section (realm at least)',
    path: ['adapter', 'passwordTransport'],
  });
export type ConfigurationSettings = z.infer<typeof configurationSettingsSchema>;

export const sesameConfigurationSchema = z.object({
  directory: directoryConfigSchema,
  kerberos: kerberosConfigSchema.optional(),
  adapter: adapterSchema,
  flows: flowConfigSchema,
  kiosk: kioskSchema.extend({ id: z.string().min(1) }),
  audit: z.object({ path: z.string().min(1) }),
  languages: languagesSchema,
  helpdesk: helpdeskConfigSchema.optional(),
});
export type SesameConfiguration = z.infer<typeof sesameConfigurationSchema>;
