/**
 * An in-process EnrollmentStore with the same compare-and-swap semantics as the directory one. Used for
 * decoy lockout state (which must not reach the directory) and by unit tests.
 */
import type { DirectoryUser } from '../directory/user';
import { decodeRecord, encodeRecord } from './codec';
import type { EnrollmentRecord } from './record';
import type { EnrollmentStore, StoredEnrollment } from './store';

export class MemoryEnrollmentStore implements EnrollmentStore {
  private readonly values = new Map<string, string>();

  constructor(private readonly maxEntries = 10_000) {}

  async read(user: DirectoryUser): Promise<StoredEnrollment | undefined> {
    const rawValue = this.values.get(user.dn);
    return rawValue === undefined ? undefined : { record: decodeRecord(rawValue), rawValue };
  }

  async compareAndSwap(user: DirectoryUser, expectedRaw: string | undefined, newRecord: EnrollmentRecord | undefined): Promise<boolean> {
    if (this.values.get(user.dn) !== expectedRaw) return false;
    this.values.delete(user.dn);
    if (newRecord !== undefined) {
      // Bounded: the oldest entry goes first, so a flood of typed names cannot grow memory without limit.
      if (this.values.size >= this.maxEntries) {
        const oldest = this.values.keys().next().value;
        if (oldest !== undefined) this.values.delete(oldest);
      }
      this.values.set(user.dn, encodeRecord(newRecord));
    }
    return true;
  }
}
