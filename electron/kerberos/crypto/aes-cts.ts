/**
 * AES in CBC mode with ciphertext stealing as Kerberos uses it (RFC 3962 §5, equivalent to NIST CBC-CS3):
 * the last two blocks are always swapped and the final one truncated, so the ciphertext is exactly as
 * long as the plaintext. The initial vector is all zeros for every Kerberos message.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';

export const AES_BLOCK = 16;

const cipherName = (key: Uint8Array, mode: 'cbc' | 'ecb'): string => `aes-${key.length * 8}-${mode}`;

function aesCbc(encrypt: boolean, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Buffer {
  const cipher = encrypt ? createCipheriv(cipherName(key, 'cbc'), key, iv) : createDecipheriv(cipherName(key, 'cbc'), key, iv);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

/** One raw AES block operation (the "E" of RFC 3961's DR function). */
export function aesEncryptBlock(key: Uint8Array, block: Uint8Array): Buffer {
  const cipher = createCipheriv(cipherName(key, 'ecb'), key, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

function aesDecryptBlock(key: Uint8Array, block: Uint8Array): Buffer {
  const decipher = createDecipheriv(cipherName(key, 'ecb'), key, null);
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(block), decipher.final()]);
}

export function ctsEncrypt(key: Uint8Array, plaintext: Uint8Array, iv: Uint8Array = Buffer.alloc(AES_BLOCK)): Buffer {
  if (plaintext.length < AES_BLOCK) throw new RangeError('CTS needs at least one full block');
  const blocks = Math.ceil(plaintext.length / AES_BLOCK);
  const padded = Buffer.alloc(blocks * AES_BLOCK);
  padded.set(plaintext);
  const cbc = aesCbc(true, key, iv, padded);
  if (blocks === 1) return cbc;
  const lastLength = plaintext.length - (blocks - 1) * AES_BLOCK;
  const secondLast = cbc.subarray((blocks - 2) * AES_BLOCK, (blocks - 1) * AES_BLOCK);
  return Buffer.concat([
    cbc.subarray(0, (blocks - 2) * AES_BLOCK),
    cbc.subarray((blocks - 1) * AES_BLOCK),
    secondLast.subarray(0, lastLength),
  ]);
}

export function ctsDecrypt(key: Uint8Array, ciphertext: Uint8Array, iv: Uint8Array = Buffer.alloc(AES_BLOCK)): Buffer {
  if (ciphertext.length < AES_BLOCK) throw new RangeError('CTS needs at least one full block');
  const blocks = Math.ceil(ciphertext.length / AES_BLOCK);
  if (blocks === 1) return aesCbc(false, key, iv, ciphertext);
  const lastLength = ciphertext.length - (blocks - 1) * AES_BLOCK;
  const prefix = ciphertext.subarray(0, (blocks - 2) * AES_BLOCK);
  const lastFull = ciphertext.subarray((blocks - 2) * AES_BLOCK, (blocks - 1) * AES_BLOCK);
  const stolenHead = ciphertext.subarray((blocks - 1) * AES_BLOCK);
  // Decrypting the full last block gives (Pn || zeros) XOR C(n-1); its tail is therefore C(n-1)'s tail.
  const mixed = aesDecryptBlock(key, lastFull);
  const secondLast = Buffer.concat([stolenHead, mixed.subarray(lastLength)]);
  const lastPlain = Buffer.alloc(lastLength);
  for (let i = 0; i < lastLength; i++) lastPlain[i] = (mixed[i] ?? 0) ^ (secondLast[i] ?? 0);
  const head = aesCbc(false, key, iv, Buffer.concat([prefix, secondLast]));
  return Buffer.concat([head, lastPlain]);
}
