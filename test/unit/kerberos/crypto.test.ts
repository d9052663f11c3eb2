import { describe, expect, it } from 'vitest';
import { nfold } from '../../../electron/kerberos/crypto/nfold';
import { ctsDecrypt, ctsEncrypt } from '../../../electron/kerberos/crypto/aes-cts';
import { aes128CtsHmacSha196, aes256CtsHmacSha196 } from '../../../electron/kerberos/crypto/aes-sha1';
import { KerberosIntegrityError } from '../../../electron/kerberos/crypto/encryption-type';

const hex = (value: string): Buffer => Buffer.from(value.replace(/\s+/g, ''), 'hex');

describe('n-fold (RFC 3961 appendix A.1)', () => {
  it.each([
    ['012345', 64, 'be072631276b1955'],
    ['password', 56, '78a07b6caf85fa'],
    ['Rough Consensus, and Running Code', 64, 'bb6ed30870b7f0e0'],
    ['password', 168, '59e4a8ca7c0385c3c37b3f6d2000247cb6e6bd5b3e'],
    ['MASSACHVSETTS INSTITVTE OF TECHNOLOGY', 192, 'db3b0d8f0b061e603282b308a50841229ad798fab9540c1b'],
    ['Q', 168, '518a54a215a8452a518a54a215a8452a518a54a215'],
    ['ba', 168, 'fb25d531ae8974499f52fd92ea9857c4ba24cf297e'],
    ['kerberos', 64, '6b65726265726f73'],
    ['kerberos', 128, '6b65726265726f737b9b5b2b93132b93'],
    ['kerberos', 168, '8372c236344e5f1550cd0747e15d62ca7a5a3bcea4'],
    ['kerberos', 256, '6b65726265726f737b9b5b2b93132b935c9bdcdad95c9899c4cae4dee6d6cae4'],
  ])('%s folded to %i bits', (input, bits, expected) => {
    expect(nfold(Buffer.from(input), bits / 8).toString('hex')).toBe(expected);
  });
});

describe('string-to-key (RFC 3962 appendix B)', () => {
  const athena = Buffer.from('ATHENA.MIT.EDUraeburn');
  const iterations = (count: number): Buffer => {
    const params = Buffer.alloc(4);
    params.writeUInt32BE(count);
    return params;
  };
  it.each([
    [1, 'password', athena, '42263c6e89f4fc28b8df68ee09799f15', 'fe697b52bc0d3ce14432ba036a92e65bbb52280990a2fa27883998d72af30161'],
    [2, 'password', athena, 'c651bf29e2300ac27fa469d693bdda13', 'a2e16d16b36069c135d5e9d2e25f896102685618b95914b467c67622225824ff'],
    [1200, 'password', athena, '4c01cd46d632d01e6dbe230a01ed642a', '55a6ac740ad17b4846941051e1e8b0a7548d93b0ab30a8bc3ff16280382b8c2a'],
    [5, 'password', hex('1234567878563412'), 'e9b23d52273747dd5c35cb55be619d8e', '97a4e786be20d81a382d5ebc96d5909cabcdadc87ca48f574504159f16c36e31'],
    [1200, 'X'.repeat(64), Buffer.from('pass phrase equals block size'), '59d1bb789a828b1aa54ef9c2883f69ed', '89adee3608db8bc71f1bfbfe459486b05618b70cbae22092534e56c553ba4b34'],
    [1200, 'X'.repeat(65), Buffer.from('pass phrase exceeds block size'), 'cb8005dc5f90179a7f02104c0018751d', 'd78c5c9cb872a8c9dad4697f0bb5b2d21496c82beb2caeda2112fceea057401b'],
    [50, '\u{1D11E}', Buffer.from('EXAMPLE.COMpianist'), 'f149c1f2e154a73452d43e7fe62a56e5', '4b6d9839f84406df1f09cc166db4b83c571848b784a3d6bdc346589a3e393f9e'],
  ])('%i iterations of %s', async (count, password, salt, aes128, aes256) => {
    const pw = Buffer.from(password, 'utf8');
    expect((await aes128CtsHmacSha196.stringToKey(pw, salt, iterations(count))).toString('hex')).toBe(aes128);
    expect((await aes256CtsHmacSha196.stringToKey(pw, salt, iterations(count))).toString('hex')).toBe(aes256);
  });

  it('refuses an absurd iteration count from the KDC instead of stalling', async () => {
    await expect(aes256CtsHmacSha196.stringToKey(Buffer.from('pw'), athena, hex('ffffffff'))).rejects.toThrow(/iteration/);
  });
});

describe('AES CBC with ciphertext stealing (RFC 3962 appendix B)', () => {
  const key = Buffer.from('chicken teriyaki');
  const text = Buffer.from("I would like the General Gau's Chicken, please, and wonton soup.");
  it.each([
    [17, 'c6353568f2bf8cb4d8a580362da7ff7f97'],
    [31, 'fc00783e0efdb2c1d445d4c8eff7ed2297687268d6ecccc0c07b25e25ecfe5'],
    [32, '39312523a78662d5be7fcbcc98ebf5a897687268d6ecccc0c07b25e25ecfe584'],
    [47, '97687268d6ecccc0c07b25e25ecfe584b3fffd940c16a18c1b5549d2f838029e39312523a78662d5be7fcbcc98ebf5'],
    [48, '97687268d6ecccc0c07b25e25ecfe5849dad8bbb96c4cdc03bc103e1a194bbd839312523a78662d5be7fcbcc98ebf5a8'],
    [64, '97687268d6ecccc0c07b25e25ecfe58439312523a78662d5be7fcbcc98ebf5a84807efe836ee89a526730dbc2f7bc8409dad8bbb96c4cdc03bc103e1a194bbd8'],
  ])('%i bytes', (length, expected) => {
    const plaintext = text.subarray(0, length);
    expect(ctsEncrypt(key, plaintext).toString('hex')).toBe(expected);
    expect(ctsDecrypt(key, hex(expected)).equals(plaintext)).toBe(true);
  });
});

describe('encrypt/decrypt with confounder and HMAC (known answers shared by Kerberos implementations)', () => {
  it('aes128, usage 2, 9 bytes', () => {
    const key = hex('9062430c8cda3388922e6d6a509f5b7a');
    const confounder = hex('94b491f481485b9a0678cd3c4ea386ad');
    const expected = '68fb9679601f45c78857b2bf820fd6e53eca8d42fd4b1d7024a09205abb7cd2ec26c355d2f';
    expect(aes128CtsHmacSha196.encrypt(key, 2, Buffer.from('9 bytesss'), confounder).toString('hex')).toBe(expected);
    expect(aes128CtsHmacSha196.decrypt(key, 2, hex(expected)).toString()).toBe('9 bytesss');
  });

  it('aes256, usage 4, 30 bytes', () => {
    const key = hex('f1c795e9248a09338d82c3f8d5b567040b0110736845041347235b1404231398');
    const confounder = hex('e45ca518b42e266ad98e165e706ffb60');
    const plaintext = Buffer.from('30 bytes bytes bytes bytes byt');
    const expected =
      'd1137a4d634cfece924dbc3bf6790648bd5cff7de0e7b99460211d0daef3d79a295c688858f3b34b9cbd6eebae81daf6b734d4d498b6714f1c1d';
    expect(aes256CtsHmacSha196.encrypt(key, 4, plaintext, confounder).toString('hex')).toBe(expected);
    expect(aes256CtsHmacSha196.decrypt(key, 4, hex(expected)).equals(plaintext)).toBe(true);
  });

  it('rejects a tampered message, the wrong usage and the wrong key', () => {
    const key = aes256CtsHmacSha196.randomKey();
    const sealed = aes256CtsHmacSha196.encrypt(key, 13, Buffer.from('new password'));
    const tampered = Buffer.from(sealed);
    tampered[20] = (tampered[20] ?? 0) ^ 1;
    expect(() => aes256CtsHmacSha196.decrypt(key, 13, tampered)).toThrow(KerberosIntegrityError);
    expect(() => aes256CtsHmacSha196.decrypt(key, 12, sealed)).toThrow(KerberosIntegrityError);
    expect(() => aes256CtsHmacSha196.decrypt(aes256CtsHmacSha196.randomKey(), 13, sealed)).toThrow(KerberosIntegrityError);
    expect(aes256CtsHmacSha196.decrypt(key, 13, sealed).toString()).toBe('new password');
  });

  it('round-trips every length around the block boundaries', () => {
    const key = aes128CtsHmacSha196.randomKey();
    for (let length = 0; length <= 50; length++) {
      const plaintext = Buffer.alloc(length, length);
      const sealed = aes128CtsHmacSha196.encrypt(key, 1, plaintext);
      expect(sealed.length).toBe(16 + length + 12);
      expect(aes128CtsHmacSha196.decrypt(key, 1, sealed).equals(plaintext)).toBe(true);
    }
  });

  it('checksums differ by usage and are 96 bits', () => {
    const key = aes256CtsHmacSha196.randomKey();
    const a = aes256CtsHmacSha196.checksum(key, 6, Buffer.from('data'));
    expect(a.length).toBe(12);
    expect(a.equals(aes256CtsHmacSha196.checksum(key, 7, Buffer.from('data')))).toBe(false);
  });
});
