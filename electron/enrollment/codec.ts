/**
 * The stored form of an enrollment record: `v1:` + base64url of compact JSON (short keys, binary as
 * base64url), small enough for one directory attribute value. Decoding validates every field.
 */
import { z } from 'zod';
import { answerHashParamsSchema } from '../gates/answers/hash-params';
import type { EnrollmentRecord } from './record';

export class EnrollmentCodecError extends Error {
  override readonly name = 'EnrollmentCodecError';
}

const b64url = z.string().regex(/^[A-Za-z0-9_-]*$/);
const epochMs = z.number().int().nonnegative();

const compactSchema = z
  .object({
    e: epochMs,
    a: z.array(
      z
        .object({
          q: z.string().min(1).max(64),
          c: z.string().max(200).optional(),
          s: b64url,
          h: b64url,
          // Checked like configured parameters: a record's own cost must not be able to exhaust the host.
          n: z
            .tuple([z.number().int().positive(), z.number().int().positive(), z.number().int().positive(), z.number().int().positive()])
            .refine(([N, r, p, keyLength]) => answerHashParamsSchema.safeParse({ N, r, p, keyLength }).success, 'hash parameters out of range'),
        })
        .strict(),
    ),
    t: z.object({ s: b64url, l: z.number().int() }).strict().optional(),
    g: z
      .object({
        f: z.number().int().nonnegative(),
        w: epochMs.optional(),
        k: z.number().int().nonnegative(),
        u: epochMs.optional(),
        p: z.union([z.literal(0), z.literal(1)]),
      })
      .strict(),
  })
  .strict();
type Compact = z.infer<typeof compactSchema>;

const prefix = 'v1:';

export function encodeRecord(record: EnrollmentRecord): string {
  const compact: Compact = {
    e: record.enrolledAt,
    a: record.answers.map((a) => ({
      q: a.questionId,
      ...(a.customText === undefined ? {} : { c: a.customText }),
      s: a.salt.toString('base64url'),
      h: a.hash.toString('base64url'),
      n: [a.params.N, a.params.r, a.params.p, a.params.keyLength],
    })),
    ...(record.totp ? { t: { s: record.totp.sealedSecret, l: record.totp.lastStep } } : {}),
    g: {
      f: record.gate.failures,
      ...(record.gate.windowStartedAt === undefined ? {} : { w: record.gate.windowStartedAt }),
      k: record.gate.timedLockouts,
      ...(record.gate.lockedUntil === undefined ? {} : { u: record.gate.lockedUntil }),
      p: record.gate.permanentlyLocked ? 1 : 0,
    },
  };
  return prefix + Buffer.from(JSON.stringify(compact), 'utf8').toString('base64url');
}

export function decodeRecord(raw: string): EnrollmentRecord {
  if (!raw.startsWith(prefix)) throw new EnrollmentCodecError('unknown enrollment record version');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw.slice(prefix.length), 'base64url').toString('utf8'));
  } catch (err) {
    throw new EnrollmentCodecError('enrollment record is not valid JSON', { cause: err });
  }
  const parsed = compactSchema.safeParse(json);
  if (!parsed.success) throw new EnrollmentCodecError(`enrollment record malformed: ${parsed.error.issues.length} issue(s)`);
  const c = parsed.data;
  return {
    version: 1,
    enrolledAt: c.e,
    answers: c.a.map((a) => ({
      questionId: a.q,
      ...(a.c === undefined ? {} : { customText: a.c }),
      salt: Buffer.from(a.s, 'base64url'),
      hash: Buffer.from(a.h, 'base64url'),
      params: { N: a.n[0], r: a.n[1], p: a.n[2], keyLength: a.n[3] },
    })),
    ...(c.t ? { totp: { sealedSecret: c.t.s, lastStep: c.t.l } } : {}),
    gate: {
      failures: c.g.f,
      ...(c.g.w === undefined ? {} : { windowStartedAt: c.g.w }),
      timedLockouts: c.g.k,
      ...(c.g.u === undefined ? {} : { lockedUntil: c.g.u }),
      permanentlyLocked: c.g.p === 1,
    },
  };
}
