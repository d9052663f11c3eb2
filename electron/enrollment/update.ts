/**
 * Read-modify-write of one user's record with compare-and-swap, retried when another kiosk wrote in
 * between, so concurrent gate failures are all counted.
 */
import type { DirectoryUser } from '../directory/user';
import type { EnrollmentRecord } from './record';
import type { EnrollmentStore } from './store';

export class EnrollmentConflictError extends Error {
  override readonly name = 'EnrollmentConflictError';
}

/** What to write: a new record, `undefined` to remove it, or `keep` to write nothing. */
export type RecordChange<T> = { write: EnrollmentRecord | undefined; result: T } | { keep: true; result: T };

export async function updateRecord<T>(
  store: EnrollmentStore,
  user: DirectoryUser,
  change: (current: EnrollmentRecord | undefined) => RecordChange<T>,
  maxAttempts = 10,
): Promise<T> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const current = await store.read(user);
    const decision = change(current?.record);
    if ('keep' in decision) return decision.result;
    if (await store.compareAndSwap(user, current?.rawValue, decision.write)) return decision.result;
    // Lost a race: jitter so two kiosks retrying together do not collide again in lockstep.
    await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 10 * (attempt + 1))));
  }
  throw new EnrollmentConflictError(`enrollment record of ${user.dn} kept changing; gave up after ${maxAttempts} attempts`);
}
