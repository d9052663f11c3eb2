/**
 * RFC 3962 encryption types aes128-cts-hmac-sha1-96 (17) and aes256-cts-hmac-sha1-96 (18) on the
 * RFC 3961 simplified profile: keys derived per usage (Ke/Ki/Kc), a random confounder block, CBC-CTS,
 * and a truncated HMAC-SHA1 over the confounder and plaintext.
 */
import { createHmac, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { AES_BLOCK, aesEncryptBlock, ctsDecrypt, ctsEncrypt } from './aes-cts';
import { type EncryptionType, iterationsFrom, KerberosIntegrityError, usageConstant } from './encryption-type';
import { nfold } from './nfold';

const pbkdf2Async = promisify(pbkdf2);
const HMAC_LENGTH = 12;
const DEFAULT_ITERATIONS = 4096;

/** RFC 3961 DR (and, since AES's random-to-key is the identity, DK). */
export function deriveKey(baseKey: Uint8Array, constant: Uint8Array): Buffer {
  const blocks: Buffer[] = [];
  let block: Uint8Array = constant.length === AES_BLOCK ? constant : nfold(constant, AES_BLOCK);
  for (let length = 0; length < baseKey.length; length += AES_BLOCK) {
    block = aesEncryptBlock(baseKey, block);
    blocks.push(block as Buffer);
  }
  return Buffer.concat(blocks).subarray(0, baseKey.length);
}

const hmacSha1 = (key: Uint8Array, data: Uint8Array): Buffer => createHmac('sha1', key).update(data).digest();

function aesSha1(id: number, name: string, keyLength: number): EncryptionType {
  return {
    id,
    name,
    keyLength,
    async stringToKey(password, salt, s2kParams) {
      const intermediate = await pbkdf2Async(password, salt, iterationsFrom(s2kParams, DEFAULT_ITERATIONS), keyLength, 'sha1');
      const key = deriveKey(intermediate, Buffer.from('kerberos', 'ascii'));
      intermediate.fill(0);
      return key;
    },
    encrypt(key, usage, plaintext, confounder = randomBytes(AES_BLOCK)) {
      const ke = deriveKey(key, usageConstant(usage, 0xaa));
      const ki = deriveKey(key, usageConstant(usage, 0x55));
      const data = Buffer.concat([confounder, plaintext]);
      try {
        return Buffer.concat([ctsEncrypt(ke, data), hmacSha1(ki, data).subarray(0, HMAC_LENGTH)]);
      } finally {
        data.fill(0);
        ke.fill(0);
        ki.fill(0);
      }
    },
    decrypt(key, usage, ciphertext) {
      if (ciphertext.length < AES_BLOCK + HMAC_LENGTH) throw new KerberosIntegrityError('ciphertext too short');
      const ke = deriveKey(key, usageConstant(usage, 0xaa));
      const ki = deriveKey(key, usageConstant(usage, 0x55));
      try {
        const data = ctsDecrypt(ke, ciphertext.subarray(0, ciphertext.length - HMAC_LENGTH));
        const expected = hmacSha1(ki, data).subarray(0, HMAC_LENGTH);
        if (!timingSafeEqual(expected, ciphertext.subarray(ciphertext.length - HMAC_LENGTH))) {
          data.fill(0);
          throw new KerberosIntegrityError('integrity check failed');
        }
        return data.subarray(AES_BLOCK);
      } finally {
        ke.fill(0);
        ki.fill(0);
      }
    },
    checksum(key, usage, data) {
      const kc = deriveKey(key, usageConstant(usage, 0x99));
      try {
        return hmacSha1(kc, data).subarray(0, HMAC_LENGTH);
      } finally {
        kc.fill(0);
      }
    },
    randomKey: () => randomBytes(keyLength),
  };
}

export const aes128CtsHmacSha196 = aesSha1(17, 'aes128-cts-hmac-sha1-96', 16);
export const aes256CtsHmacSha196 = aesSha1(18, 'aes256-cts-hmac-sha1-96', 32);

