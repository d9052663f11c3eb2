/**
 * Answer hashing with scrypt (memory-hard) and a per-answer salt; compared in constant time.
 * The answer is normalised here so no caller can forget to.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { AnswerHashParams } from './hash-params';
import { normalizeAnswer } from './normalize';

export interface AnswerHash {
  salt: Buffer;
  hash: Buffer;
  params: AnswerHashParams;
}

const saltLength = 16;

function scryptAsync(secret: string, salt: Buffer, params: AnswerHashParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, params.keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashAnswer(answer: string, params: AnswerHashParams, salt: Buffer = randomBytes(saltLength)): Promise<AnswerHash> {
  const hash = await scryptAsync(normalizeAnswer(answer), salt, params);
  return { salt, hash, params };
}

export async function verifyAnswer(answer: string, stored: AnswerHash): Promise<boolean> {
  const candidate = await scryptAsync(normalizeAnswer(answer), stored.salt, stored.params);
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
}
