import { z } from 'zod';

/** scrypt cost parameters, stored with every hash so they can be raised without breaking old answers. */
export const answerHashParamsSchema = z.object({
  /** CPU/memory cost, a power of two. */
  N: z
    .number()
    .int()
    .min(1024)
    // 2^20 at r = 8 is already 1 GiB per answer: more is an error (or a forged record), not a setting.
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  keyLength: z.number().int().min(16).max(64),
});
export type AnswerHashParams = z.infer<typeof answerHashParamsSchema>;
