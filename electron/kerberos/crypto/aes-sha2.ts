/**
 * RFC 8009 encryption types aes128-cts-hmac-sha256-128 (19) and aes256-cts-hmac-sha384-192 (20):
 * keys from the SP 800-108 counter-mode KDF over HMAC-SHA2, the enctype name mixed into the PBKDF2
 * salt, and an HMAC over the initial vector and ciphertext (encrypt-then-MAC).
 */
import { createHmac, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { AES_BLOCK, ctsDecrypt, ctsEncrypt } from './aes-cts';
import { type EncryptionType, iterationsFrom, KerberosIntegrityError, usageConstant } from './encryption-type';

const pbkdf2Async = promisify(pbkdf2);
const DEFAULT_ITERATIONS = 32768;

/** KDF-HMAC-SHA2(key, label, k): one counter block is enough for every key these types use. */
export function kdfHmacSha2(hash: 'sha256' | 'sha384', key: Uint8Array, label: Uint8Array, bits: number): Buffer {
  const counter = Buffer.from([0, 0, 0, 1]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bits);
  const output = createHmac(hash, key).update(counter).update(label).update(Buffer.from([0])).update(length).digest();
  return output.subarray(0, bits / 8);
}

interface Sha2Profile {
  id: number;
  name: string;
  hash: 'sha256' | 'sha384';
  keyBits: number;
  /** Length of Ki, Kc and of the truncated HMAC. */
  macBits: number;
}

function aesSha2({ id, name, hash, keyBits, macBits }: Sha2Profile): EncryptionType {
  const macLength = macBits / 8;
  const derive = (key: Uint8Array, usage: number, kind: 0x99 | 0xaa | 0x55): Buffer =>
    kdfHmacSha2(hash, key, usageConstant(usage, kind), kind === 0xaa ? keyBits : macBits);
  const mac = (ki: Uint8Array, cipher: Uint8Array): Buffer =>
    createHmac(hash, ki).update(Buffer.alloc(AES_BLOCK)).update(cipher).digest().subarray(0, macLength);
  return {
    id,
    name,
    keyLength: keyBits / 8,
    async stringToKey(password, salt, s2kParams) {
      const saltWithName = Buffer.concat([Buffer.from(name, 'ascii'), Buffer.from([0]), salt]);
      const intermediate = await pbkdf2Async(password, saltWithName, iterationsFrom(s2kParams, DEFAULT_ITERATIONS), keyBits / 8, hash);
      const key = kdfHmacSha2(hash, intermediate, Buffer.from('kerberos', 'ascii'), keyBits);
      intermediate.fill(0);
      return key;
    },
    encrypt(key, usage, plaintext, confounder = randomBytes(AES_BLOCK)) {
      const ke = derive(key, usage, 0xaa);
      const ki = derive(key, usage, 0x55);
      const data = Buffer.concat([confounder, plaintext]);
      try {
        const cipher = ctsEncrypt(ke, data);
        return Buffer.concat([cipher, mac(ki, cipher)]);
      } finally {
        data.fill(0);
        ke.fill(0);
        ki.fill(0);
      }
    },
    decrypt(key, usage, ciphertext) {
      if (ciphertext.length < AES_BLOCK + macLength) throw new KerberosIntegrityError('ciphertext too short');
      const ke = derive(key, usage, 0xaa);
      const ki = derive(key, usage, 0x55);
      try {
        const cipher = ciphertext.subarray(0, ciphertext.length - macLength);
        // Encrypt-then-MAC: check before decrypting anything.
        if (!timingSafeEqual(mac(ki, cipher), ciphertext.subarray(ciphertext.length - macLength))) {
          throw new KerberosIntegrityError('integrity check failed');
        }
        return ctsDecrypt(ke, cipher).subarray(AES_BLOCK);
      } finally {
        ke.fill(0);
        ki.fill(0);
      }
    },
    checksum(key, usage, data) {
      const kc = derive(key, usage, 0x99);
      try {
        return createHmac(hash, kc).update(data).digest().subarray(0, macLength);
      } finally {
        kc.fill(0);
      }
    },
    randomKey: () => randomBytes(keyBits / 8),
  };
}

export const aes128CtsHmacSha256128 = aesSha2({ id: 19, name: 'aes128-cts-hmac-sha256-128', hash: 'sha256', keyBits: 128, macBits: 128 });
export const aes256CtsHmacSha384192 = aesSha2({ id: 20, name: 'aes256-cts-hmac-sha384-192', hash: 'sha384', keyBits: 256, macBits: 192 });
