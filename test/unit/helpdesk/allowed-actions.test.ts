import { describe, expect, it } from 'vitest';
import { helpdeskActions } from '../../../shared/helpdesk';
import type { DirectoryAdministration } from '../../../electron/directory/administration';
import { rightForAction } from '../../../electron/helpdesk/actions';
import type { OperatorSession } from '../../../electron/helpdesk/operator-sessions';
import { allowedActionsFor } from '../../../electron/helpdesk/panel';
import { helpdeskRights, type HelpdeskRight } from '../../../electron/helpdesk/rights';
import { openGate, type EnrollmentRecord } from '../../../electron/enrollment/record';

function sessionWith(rights: HelpdeskRight[], capabilities = { passwordNeverExpires: true, validUntil: true }): OperatorSession {
  return { rights: new Set(rights), administration: { capabilities } as DirectoryAdministration } as unknown as OperatorSession;
}

const record: EnrollmentRecord = { version: 1, enrolledAt: 0, answers: [], gate: openGate() };

describe('allowed actions', () => {
  it('every action needs a right beyond reading', () => {
    for (const action of helpdeskActions) expect(rightForAction[action]).not.toBe('readState');
  });

  it('a reader is offered nothing', () => {
    expect(allowedActionsFor(sessionWith(['readState']), record)).toEqual([]);
  });

  it('full rights offer every action the directory supports', () => {
    expect(allowedActionsFor(sessionWith([...helpdeskRights]), record)).toEqual([...helpdeskActions]);
    expect(allowedActionsFor(sessionWith([...helpdeskRights], { passwordNeverExpires: false, validUntil: true }), record)).not.toContain('setPasswordNeverExpires');
  });

  it('enrollment actions only for an enrolled caller', () => {
    expect(allowedActionsFor(sessionWith(['manageEnrollment']), undefined)).toEqual([]);
    expect(allowedActionsFor(sessionWith(['manageEnrollment']), record)).toEqual(['clearEnrollment', 'clearLockoutGate']);
  });
});
