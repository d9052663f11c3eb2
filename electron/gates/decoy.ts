/**
 * Decoy gates for anyone Sesame must not tell apart from an enrolled user. Everything is derived from the
 * typed name with HMAC-SHA256 under a deployment key, so the same name always gets the same questions and
 * the same (unmatchable) hashes, and an attacker without the key cannot predict or recognise them.
 */
import { createHmac } from 'node:crypto';
import type { DirectoryUser } from '../directory/user';
import type { EnrolledAnswer } from '../enrollment/record';
import type { AnswerHashParams } from './answers/hash-params';
import { normalizeAnswer } from './answers/normalize';

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export class DecoyDeriver {
  constructor(private readonly key: Buffer) {}

  private digest(purpose: string, typedName: string, length = 32): Buffer {
    const name = normalizeAnswer(typedName);
    const out: Buffer[] = [];
    for (let block = 0; out.length * 32 < length; block++) {
      out.push(createHmac('sha256', this.key).update(`${purpose}\0${block}\0${name}`).digest());
    }
    return Buffer.concat(out).subarray(0, length);
  }

  /** A stand-in entry; its DN can never collide with a real one (no '=' in it). */
  user(typedName: string): DirectoryUser {
    return { dn: `decoy:${this.digest('user', typedName, 16).toString('hex')}`, accountName: typedName.trim(), memberOf: [] };
  }

  /** The catalogue questions this name "registered": a keyed, stable shuffle of the catalogue. */
  questionIds(typedName: string, catalogueIds: readonly string[], count: number): string[] {
    const ids = [...catalogueIds];
    const bytes = this.digest('questions', typedName, ids.length * 4);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = bytes.readUInt32BE((ids.length - 1 - i) * 4) % (i + 1);
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    return ids.slice(0, count);
  }

  /** Answer hashes shaped like real ones, with the real parameters, so checking them costs the same. */
  answers(typedName: string, questionIds: readonly string[], params: AnswerHashParams): EnrolledAnswer[] {
    return questionIds.map((questionId) => ({
      questionId,
      salt: this.digest(`salt:${questionId}`, typedName, 16),
      hash: this.digest(`hash:${questionId}`, typedName, params.keyLength),
      params,
    }));
  }

  /** A base32 TOTP secret to run the same verification against. */
  totpSecret(typedName: string): string {
    let bits = '';
    for (const byte of this.digest('totp', typedName, 20)) bits += byte.toString(2).padStart(8, '0');
    let secret = '';
    for (let i = 0; i + 5 <= bits.length; i += 5) secret += base32Alphabet[parseInt(bits.slice(i, i + 5), 2)];
    return secret;
  }
}
