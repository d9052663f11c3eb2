/**
 * Help-desk operations on a user's enrollment: clearing the lockout gate (the only way out of a permanent
 * lockout) and removing the enrollment. Audited before and after; the caller checks the operator's rights.
 */
import type { AuditSink } from '../audit/audit-event';
import type { DirectoryUser } from '../directory/user';
import { clearedGate } from '../gates/lockout';
import type { EnrollmentStore } from './store';
import { updateRecord } from './update';

export interface HelpdeskActor {
  kioskId: string;
  /** The operator's DN, recorded in the audit line's reason. */
  operatorDn: string;
}

export type HelpdeskOutcome = 'cleared' | 'notEnrolled';

async function audited(audit: AuditSink, actor: HelpdeskActor, user: DirectoryUser, subject: string, run: () => Promise<HelpdeskOutcome>): Promise<HelpdeskOutcome> {
  await audit.write({ kind: 'helpdesk', kioskId: actor.kioskId, subject, user: user.dn, outcome: 'info', reason: `attempt by ${actor.operatorDn}` });
  const outcome = await run();
  await audit.write({ kind: 'helpdesk', kioskId: actor.kioskId, subject, user: user.dn, outcome: 'success', reason: `${outcome} by ${actor.operatorDn}` });
  return outcome;
}

export function clearLockoutGate(store: EnrollmentStore, audit: AuditSink, actor: HelpdeskActor, user: DirectoryUser): Promise<HelpdeskOutcome> {
  return audited(audit, actor, user, 'clearLockoutGate', () =>
    updateRecord<HelpdeskOutcome>(store, user, (current) =>
      current ? { write: { ...current, gate: clearedGate() }, result: 'cleared' } : { keep: true, result: 'notEnrolled' },
    ),
  );
}

export function clearEnrollment(store: EnrollmentStore, audit: AuditSink, actor: HelpdeskActor, user: DirectoryUser): Promise<HelpdeskOutcome> {
  return audited(audit, actor, user, 'clearEnrollment', () =>
    updateRecord<HelpdeskOutcome>(store, user, (current) => (current ? { write: undefined, result: 'cleared' } : { keep: true, result: 'notEnrolled' })),
  );
}
