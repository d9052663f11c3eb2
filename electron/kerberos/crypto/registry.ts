/** The encryption types Sesame speaks (no RC4, no DES), in the preference order offered to KDCs. */
import { aes128CtsHmacSha196, aes256CtsHmacSha196 } from './aes-sha1';
import { aes128CtsHmacSha256128, aes256CtsHmacSha384192 } from './aes-sha2';
import type { EncryptionType } from './encryption-type';

export const supportedEncryptionTypes: readonly EncryptionType[] = [
  aes256CtsHmacSha384192,
  aes128CtsHmacSha256128,
  aes256CtsHmacSha196,
  aes128CtsHmacSha196,
];

export function encryptionTypeById(id: number): EncryptionType | undefined {
  return supportedEncryptionTypes.find((type) => type.id === id);
}
