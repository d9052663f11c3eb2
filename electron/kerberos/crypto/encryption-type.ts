/** The RFC 3961 operations every supported encryption type provides. */
export interface EncryptionType {
  readonly id: number;
  readonly name: string;
  readonly keyLength: number;
  stringToKey(password: Uint8Array, salt: Uint8Array, s2kParams?: Uint8Array): Promise<Buffer>;
  encrypt(key: Uint8Array, usage: number, plaintext: Uint8Array, confounder?: Uint8Array): Buffer;
  /** Throws KerberosIntegrityError when the message was not sealed with this key and usage. */
  decrypt(key: Uint8Array, usage: number, ciphertext: Uint8Array): Buffer;
  checksum(key: Uint8Array, usage: number, data: Uint8Array): Buffer;
  randomKey(): Buffer;
}

/** Decryption failed its integrity check: wrong key (usually a wrong password) or a damaged message. */
export class KerberosIntegrityError extends Error {
  override readonly name = 'KerberosIntegrityError';
}

/** A KDC could send any iteration count; one this large would stall the app, so it is refused. */
const MAX_ITERATIONS = 2_000_000;

export function iterationsFrom(s2kParams: Uint8Array | undefined, defaultIterations: number): number {
  if (!s2kParams || s2kParams.length === 0) return defaultIterations;
  if (s2kParams.length !== 4) throw new RangeError('s2kparams must be 4 bytes for AES');
  const iterations = Buffer.from(s2kParams).readUInt32BE(0);
  if (iterations === 0 || iterations > MAX_ITERATIONS) throw new RangeError(`unsupported string-to-key iteration count ${iterations}`);
  return iterations;
}

/** The 5-byte well-known constant for a key usage: usage number, then 0x99 (Kc), 0xAA (Ke) or 0x55 (Ki). */
export function usageConstant(usage: number, kind: 0x99 | 0xaa | 0x55): Buffer {
  const constant = Buffer.alloc(5);
  constant.writeUInt32BE(usage, 0);
  constant[4] = kind;
  return constant;
}
