/**
 * Flow configuration: which gates each flow asks for, the question catalogue and FIM's counts, the
 * lockout gate, timeouts and the deployment keys. Validated where configuration enters the main side.
 */
import { z } from 'zod';
import { answerHashParamsSchema } from '../gates/answers/hash-params';

/** scrypt defaults: about 100 ms and 32 MiB per answer on a current desktop (see `npm run bench`). */
export const defaultAnswerHashParams = { N: 32768, r: 8, p: 1, keyLength: 32 };

export const gateKinds = ['questions', 'totp'] as const;
export const gateKindSchema = z.enum(gateKinds);
export type GateKind = z.infer<typeof gateKindSchema>;

/** A 32-byte key, base64 encoded. */
const key32 = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, { message: 'must be 32 bytes, base64 encoded' });

const questionSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
  /** Text per language tag, e.g. { en: 'First pet?', fr: 'Premier animal ?' }. */
  text: z.record(z.string(), z.string().min(1)).refine((texts) => Object.keys(texts).length > 0, 'at least one language'),
});
export type CatalogueQuestion = z.infer<typeof questionSchema>;

/** FIM 2010's Question and Answer gate counts. */
const questionCountsSchema = z
  .object({
    shownAtRegistration: z.number().int().positive().default(6),
    requiredAtRegistration: z.number().int().positive().default(3),
    presentedAtReset: z.number().int().positive().default(3),
    requiredCorrectAtReset: z.number().int().positive().default(3),
  })
  .refine((c) => c.requiredAtRegistration <= c.shownAtRegistration, 'requiredAtRegistration exceeds shownAtRegistration')
  .refine((c) => c.presentedAtReset <= c.requiredAtRegistration, 'presentedAtReset exceeds requiredAtRegistration')
  .refine((c) => c.requiredCorrectAtReset <= c.presentedAtReset, 'requiredCorrectAtReset exceeds presentedAtReset');

/** FIM's Lockout Gate: threshold, growing durations, timed lockouts before a permanent one. */
export const lockoutConfigSchema = z.object({
  failuresBeforeLockout: z.number().int().positive().default(3),
  /** Lockout length after the 1st, 2nd... threshold; the last repeats if there are more. */
  lockoutDurationsSeconds: z.array(z.number().int().positive()).min(1).default([300, 1800, 7200]),
  /** Timed lockouts allowed; reaching the threshold once more after them locks permanently. */
  timedLockoutsBeforePermanent: z.number().int().nonnegative().default(3),
  /** Failures older than this no longer count toward the threshold. */
  failureWindowSeconds: z.number().int().positive().default(86_400),
});
export type LockoutConfig = z.infer<typeof lockoutConfigSchema>;

export const flowConfigSchema = z
  .object({
    gates: z
      .object({
        forgotPassword: z.array(gateKindSchema).min(1).default(['questions', 'totp']),
        unlockAccount: z.array(gateKindSchema).min(1).default(['questions']),
      })
      .default({ forgotPassword: ['questions', 'totp'], unlockAccount: ['questions'] }),
    /** Whether enrollment registers an authenticator (required when any flow gates on TOTP). */
    enrollTotp: z.boolean().default(true),
    catalogue: z.array(questionSchema).min(1),
    defaultLanguage: z.string().default('en'),
    questions: questionCountsSchema.default({
      shownAtRegistration: 6,
      requiredAtRegistration: 3,
      presentedAtReset: 3,
      requiredCorrectAtReset: 3,
    }),
    allowCustomQuestions: z.boolean().default(false),
    minAnswerLength: z.number().int().positive().default(3),
    answerHash: answerHashParamsSchema.default(defaultAnswerHashParams),
    totp: z
      .object({
        issuer: z.string().min(1).default('Sesame'),
        /** Steps accepted either side of now (RFC 6238 section 5.2 suggests at most one). */
        windowSteps: z.number().int().min(0).max(3).default(1),
        digits: z.union([z.literal(6), z.literal(8)]).default(6),
        periodSeconds: z.number().int().positive().default(30),
      })
      .default({ issuer: 'Sesame', windowSteps: 1, digits: 6, periodSeconds: 30 }),
    lockout: lockoutConfigSchema.default({
      failuresBeforeLockout: 3,
      lockoutDurationsSeconds: [300, 1800, 7200],
      timedLockoutsBeforePermanent: 3,
      failureWindowSeconds: 86_400,
    }),
    sessionLifetimeSeconds: z.number().int().positive().default(600),
    /** Live sessions per engine; beyond it new starts are refused, so a flood cannot exhaust memory. */
    maxSessions: z.number().int().positive().default(1000),
    idleTimeoutSeconds: z.number().int().positive().default(120),
    /**
     * Every start and gate answer takes at least this long, so timing does not tell who exists. Keep it
     * above the slowest real path (directory round trips plus the answer hashing).
     */
    minResponseMs: z.number().int().nonnegative().default(400),
    keys: z.object({
      /** Encrypts TOTP secrets in the enrollment record (AES-256-GCM). */
      totpSecretKey: key32,
      /** Derives decoy gates for users who do not exist or are not enrolled (HMAC-SHA256). */
      decoyKey: key32,
    }),
  })
  .refine((c) => c.catalogue.length >= c.questions.shownAtRegistration, 'catalogue smaller than shownAtRegistration')
  .refine(
    (c) => c.enrollTotp || ![...c.gates.forgotPassword, ...c.gates.unlockAccount].includes('totp'),
    'a flow gates on TOTP but enrollment does not register an authenticator',
  );
export type FlowConfig = z.infer<typeof flowConfigSchema>;
export type FlowConfigInput = z.input<typeof flowConfigSchema>;
