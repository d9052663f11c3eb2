import { describe, expect, it } from 'vitest';
import { MemoryEnrollmentStore } from '../../../electron/enrollment/memory-store';
import { updateRecord, EnrollmentConflictError } from '../../../electron/enrollment/update';
import { openGate, type EnrollmentRecord } from '../../../electron/enrollment/record';
import type { EnrollmentStore } from '../../../electron/enrollment/store';

const user = { dn: 'uid=alice,ou=people,dc=example,dc=test', accountName: 'alice', memberOf: [] };
const fresh = (): EnrollmentRecord => ({ version: 1, enrolledAt: 0, answers: [], gate: openGate() });
const addFailure = (current: EnrollmentRecord | undefined) => {
  const base = current ?? fresh();
  const next = { ...base, gate: { ...base.gate, failures: base.gate.failures + 1 } };
  return { write: next, result: next.gate.failures };
};

describe('memory store compare-and-swap', () => {
  it('refuses a swap against a stale value', async () => {
    const store = new MemoryEnrollmentStore();
    expect(await store.compareAndSwap(user, undefined, fresh())).toBe(true);
    expect(await store.compareAndSwap(user, undefined, fresh())).toBe(false);
    const current = await store.read(user);
    expect(await store.compareAndSwap(user, current?.rawValue, undefined)).toBe(true);
    expect(await store.read(user)).toBeUndefined();
  });
});

describe('updateRecord', () => {
  it('loses no count when many updates race', async () => {
    const store = new MemoryEnrollmentStore();
    // Yield between read and swap so the updates really interleave.
    const racing: EnrollmentStore = {
      read: async (u) => {
        const value = await store.read(u);
        await new Promise((resolve) => setImmediate(resolve));
        return value;
      },
      compareAndSwap: (u, expected, next) => store.compareAndSwap(u, expected, next),
    };
    await Promise.all(Array.from({ length: 8 }, () => updateRecord(racing, user, addFailure, 100)));
    expect((await store.read(user))?.record.gate.failures).toBe(8);
  });

  it('writes nothing when asked to keep', async () => {
    const store = new MemoryEnrollmentStore();
    expect(await updateRecord(store, user, () => ({ keep: true, result: 'kept' }))).toBe('kept');
    expect(await store.read(user)).toBeUndefined();
  });

  it('gives up with a typed error when the value never settles', async () => {
    const neverSettles: EnrollmentStore = { read: async () => undefined, compareAndSwap: async () => false };
    await expect(updateRecord(neverSettles, user, addFailure, 3)).rejects.toBeInstanceOf(EnrollmentConflictError);
  });
});
