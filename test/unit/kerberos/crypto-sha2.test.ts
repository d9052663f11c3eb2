import { describe, expect, it } from 'vitest';
import { aes128CtsHmacSha256128, aes256CtsHmacSha384192, kdfHmacSha2 } from '../../../electron/kerberos/crypto/aes-sha2';
import { KerberosIntegrityError, usageConstant } from '../../../electron/kerberos/crypto/encryption-type';

const hex = (value: string): Buffer => Buffer.from(value, 'hex');
const salt = Buffer.concat([hex('10df9dd783e5bc8acea1730e74355f61'), Buffer.from('ATHENA.MIT.EDUraeburn')]);
const iterations = hex('00008000'); // 32768

describe('RFC 8009 appendix A: aes128-cts-hmac-sha256-128', () => {
  const key = hex('3705d96080c17728a0e800eab6e0d23c');

  it('string-to-key', async () => {
    expect((await aes128CtsHmacSha256128.stringToKey(Buffer.from('password'), salt, iterations)).toString('hex')).toBe('089bca48b105ea6ea77ca5d2f39dc5e7');
  });

  it('key derivation for usage 2', () => {
    expect(kdfHmacSha2('sha256', key, usageConstant(2, 0x99), 128).toString('hex')).toBe('b31a018a48f54776f403e9a396325dc3');
    expect(kdfHmacSha2('sha256', key, usageConstant(2, 0xaa), 128).toString('hex')).toBe('9b197dd1e8c5609d6e67c3e37c62c72e');
    expect(kdfHmacSha2('sha256', key, usageConstant(2, 0x55), 128).toString('hex')).toBe('9fda0e56ab2d85e1569a688696c26a6c');
  });

  it.each([
    ['', '7e5895eaf2672435bad817f545a37148', 'ef85fb890bb8472f4dab20394dca781dad877eda39d50c870c0d5a0a8e48c718'],
    ['000102030405', '7bca285e2fd4130fb55b1a5c83bc5b24', '84d7f30754ed987bab0bf3506beb09cfb55402cef7e6877ce99e247e52d16ed4421dfdf8976c'],
    ['000102030405060708090a0b0c0d0e0f', '56ab21713ff62c0a1457200f6fa9948f', '3517d640f50ddc8ad3628722b3569d2ae07493fa8263254080ea65c1008e8fc295fb4852e7d83e1e7c48c37eebe6b0d3'],
    ['000102030405060708090a0b0c0d0e0f1011121314', 'a7a4e29a4728ce10664fb64e49ad3fac', '720f73b18d9859cd6ccb4346115cd336c70f58edc0c4437c5573544c31c813bce1e6d072c186b39a413c2f92ca9b8334a287ffcbfc'],
  ])('encrypts %s with usage 2', (plaintext, confounder, expected) => {
    expect(aes128CtsHmacSha256128.encrypt(key, 2, hex(plaintext), hex(confounder)).toString('hex')).toBe(expected);
    expect(aes128CtsHmacSha256128.decrypt(key, 2, hex(expected)).toString('hex')).toBe(plaintext);
  });
});

describe('RFC 8009 appendix A: aes256-cts-hmac-sha384-192', () => {
  const key = hex('6d404d37faf79f9df0d33568d320669800eb4836472ea8a026d16b7182460c52');

  it('string-to-key', async () => {
    expect((await aes256CtsHmacSha384192.stringToKey(Buffer.from('password'), salt, iterations)).toString('hex')).toBe(
      '45bd806dbf6a833a9cffc1c94589a222367a79bc21c413718906e9f578a78467',
    );
  });

  it('key derivation for usage 2', () => {
    expect(kdfHmacSha2('sha384', key, usageConstant(2, 0x99), 192).toString('hex')).toBe('ef5718be86cc84963d8bbb5031e9f5c4ba41f28faf69e73d');
    expect(kdfHmacSha2('sha384', key, usageConstant(2, 0xaa), 256).toString('hex')).toBe('56ab22bee63d82d7bc5227f6773f8ea7a5eb1c825160c38312980c442e5c7e49');
    expect(kdfHmacSha2('sha384', key, usageConstant(2, 0x55), 192).toString('hex')).toBe('69b16514e3cd8e56b82010d5c73012b622c4d00ffc23ed1f');
  });

  it.each([
    ['', 'f764e9fa15c276478b2c7d0c4e5f58e4', '41f53fa5bfe7026d91faf9be959195a058707273a96a40f0a01960621ac612748b9bbfbe7eb4ce3c'],
    ['000102030405', 'b80d3251c1f6471494256ffe712d0b9a', '4ed7b37c2bcac8f74f23c1cf07e62bc7b75fb3f637b9f559c7f664f69eab7b6092237526ea0d1f61cb20d69d10f2'],
    ['000102030405060708090a0b0c0d0e0f', '53bf8a0d105265d4e276428624ce5e63', 'bc47ffec7998eb91e8115cf8d19dac4bbbe2e163e87dd37f49beca92027764f68cf51f14d798c2273f35df574d1f932e40c4ff255b36a266'],
    ['000102030405060708090a0b0c0d0e0f1011121314', '763e65367e864f02f55153c7e3b58af1', '40013e2df58e8751957d2878bcd2d6fe101ccfd556cb1eae79db3c3ee86429f2b2a602ac86fef6ecb647d6295fae077a1feb517508d2c16b4192e01f62'],
  ])('encrypts %s with usage 2', (plaintext, confounder, expected) => {
    expect(aes256CtsHmacSha384192.encrypt(key, 2, hex(plaintext), hex(confounder)).toString('hex')).toBe(expected);
    expect(aes256CtsHmacSha384192.decrypt(key, 2, hex(expected)).toString('hex')).toBe(plaintext);
  });

  it('rejects a tampered message before decrypting', () => {
    const sealed = aes256CtsHmacSha384192.encrypt(key, 13, Buffer.from('new password'));
    const tampered = Buffer.from(sealed);
    tampered[3] = (tampered[3] ?? 0) ^ 0x80;
    expect(() => aes256CtsHmacSha384192.decrypt(key, 13, tampered)).toThrow(KerberosIntegrityError);
    expect(aes256CtsHmacSha384192.checksum(key, 6, Buffer.from('x')).length).toBe(24);
  });
});
