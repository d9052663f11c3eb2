/**
 * Seals small secrets (TOTP secrets) with AES-256-GCM under the deployment key. The associated data binds
 * a sealed value to its owner, so a record copied onto another user's entry does not open.
 * Format: base64url(iv 12 | tag 16 | ciphertext).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ivLength = 12;
const tagLength = 16;

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

function checkKey(key: Buffer): void {
  if (key.length !== 32) throw new SecretBoxError('AES-256-GCM needs a 32-byte key');
}

export function seal(plaintext: string, key: Buffer, associatedData: string): string {
  checkKey(key);
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagLength });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

export function open(sealed: string, key: Buffer, associatedData: string): string {
  checkKey(key);
  const raw = Buffer.from(sealed, 'base64url');
  if (raw.length < ivLength + tagLength) throw new SecretBoxError('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, ivLength), { authTagLength: tagLength });
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(raw.subarray(ivLength, ivLength + tagLength));
  try {
    return Buffer.concat([decipher.update(raw.subarray(ivLength + tagLength)), decipher.final()]).toString('utf8');
  } catch (err) {
    throw new SecretBoxError('sealed value does not open with this key and owner', { cause: err });
  }
}
