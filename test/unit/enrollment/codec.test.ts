import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../../../electron/enrollment/codec';
import type { EnrollmentRecord } from '../../../electron/enrollment/record';

const record: EnrollmentRecord = {
  version: 1,
  enrolledAt: 1_767_225_600_000,
  answers: [
    { questionId: 'pet', salt: Buffer.alloc(16, 1), hash: Buffer.alloc(32, 2), params: { N: 16384, r: 8, p: 1, keyLength: 32 } },
    { questionId: 'custom.1', customText: 'Ma première voiture ?', salt: Buffer.alloc(16, 3), hash: Buffer.alloc(32, 4), params: { N: 16384, r: 8, p: 1, keyLength: 32 } },
  ],
  totp: { sealedSecret: 'c2VhbGVk', lastStep: 58_907_520 },
  gate: { failures: 2, windowStartedAt: 1_767_225_000_000, timedLockouts: 1, lockedUntil: 1_767_226_000_000, permanentlyLocked: false },
};

describe('enrollment record codec', () => {
  it('round-trips every field', () => {
    expect(decodeRecord(encodeRecord(record))).toEqual(record);
  });

  it('round-trips a record without TOTP or optional gate fields', () => {
    const bare: EnrollmentRecord = { version: 1, enrolledAt: 1, answers: [], gate: { failures: 0, timedLockouts: 0, permanentlyLocked: true } };
    expect(decodeRecord(encodeRecord(bare))).toEqual(bare);
  });

  it('is versioned and compact', () => {
    const raw = encodeRecord(record);
    expect(raw.startsWith('v1:')).toBe(true);
    expect(raw).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(raw.length).toBeLessThan(700);
  });

  it('refuses unknown versions, garbage and malformed fields', () => {
    expect(() => decodeRecord('v2:' + encodeRecord(record).slice(3))).toThrow(/version/);
    expect(() => decodeRecord('v1:!!!')).toThrow(/JSON/);
    const bad = 'v1:' + Buffer.from(JSON.stringify({ e: 1, a: [], g: { f: -1, k: 0, p: 0 } })).toString('base64url');
    expect(() => decodeRecord(bad)).toThrow(/malformed/);
  });

  it('refuses hash parameters no deployment would set, since verifying with them could exhaust the host', () => {
    const withParams = (params: EnrollmentRecord['answers'][number]['params']) =>
      encodeRecord({ ...record, answers: [{ ...record.answers[0]!, params }] });
    expect(() => decodeRecord(withParams({ N: 2 ** 30, r: 8, p: 1, keyLength: 32 }))).toThrow(/malformed/);
    expect(() => decodeRecord(withParams({ N: 1000, r: 8, p: 1, keyLength: 32 }))).toThrow(/malformed/);
    expect(() => decodeRecord(withParams({ N: 16384, r: 8, p: 1000, keyLength: 32 }))).toThrow(/malformed/);
    expect(decodeRecord(withParams({ N: 2 ** 20, r: 8, p: 1, keyLength: 32 })).answers[0]!.params.N).toBe(2 ** 20);
  });
});
