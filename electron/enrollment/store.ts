/**
 * Where enrollment records live. Writes are compare-and-swap on the exact stored value so two kiosks
 * updating the same user's lockout gate never lose a count: a write that raced another fails and is retried
 * on the fresh value.
 */
import type { DirectoryUser } from '../directory/user';
import type { EnrollmentRecord } from './record';

export interface StoredEnrollment {
  record: EnrollmentRecord;
  /** The exact stored value, passed back to compareAndSwap. */
  rawValue: string;
}

export interface EnrollmentStore {
  read(user: DirectoryUser): Promise<StoredEnrollment | undefined>;
  /**
   * Replaces `expectedRaw` (undefined: nothing stored yet) with `newRecord` (undefined: remove) in one
   * atomic operation. Resolves false when the stored value was no longer `expectedRaw`.
   */
  compareAndSwap(user: DirectoryUser, expectedRaw: string | undefined, newRecord: EnrollmentRecord | undefined): Promise<boolean>;
}
