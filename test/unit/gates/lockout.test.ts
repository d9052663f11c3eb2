import { describe, expect, it } from 'vitest';
import { clearedGate, gateStatus, recordGateFailure, recordGateSuccess } from '../../../electron/gates/lockout';
import { openGate, type LockoutGateState } from '../../../electron/enrollment/record';

const config = { failuresBeforeLockout: 3, lockoutDurationsSeconds: [60, 600], timedLockoutsBeforePermanent: 2, failureWindowSeconds: 3600 };
const t0 = 1_000_000_000;

function fail(gate: LockoutGateState, at: number) {
  return recordGateFailure(gate, at, config);
}

describe('lockout gate', () => {
  it('counts failures below the threshold and stays open', () => {
    let gate = openGate();
    ({ gate } = fail(gate, t0));
    const second = fail(gate, t0 + 1);
    expect(second.effect).toBe('counted');
    expect(second.gate.failures).toBe(2);
    expect(gateStatus(second.gate, t0 + 2)).toEqual({ state: 'open' });
  });

  it('locks for the first duration at the threshold, then opens when it ends', () => {
    let gate = openGate();
    ({ gate } = fail(gate, t0));
    ({ gate } = fail(gate, t0));
    const third = fail(gate, t0);
    expect(third.effect).toBe('timedLockout');
    expect(gateStatus(third.gate, t0 + 59_999)).toEqual({ state: 'timedLockout', until: t0 + 60_000 });
    expect(gateStatus(third.gate, t0 + 60_000)).toEqual({ state: 'open' });
    expect(third.gate.failures).toBe(0);
  });

  it('grows the duration per threshold, then locks permanently', () => {
    let gate = openGate();
    const effects: string[] = [];
    let now = t0;
    for (let i = 0; i < 9; i++) {
      const result = fail(gate, now);
      gate = result.gate;
      effects.push(result.effect);
      if (result.effect === 'timedLockout') {
        const status = gateStatus(gate, now);
        if (status.state !== 'timedLockout') throw new Error('not locked');
        effects.push(`${(status.until - now) / 1000}s`);
        now = status.until;
      }
    }
    expect(effects).toEqual(['counted', 'counted', 'timedLockout', '60s', 'counted', 'counted', 'timedLockout', '600s', 'counted', 'counted', 'permanentLockout']);
    expect(gateStatus(gate, now + 10 ** 12)).toEqual({ state: 'permanentLockout' });
  });

  it('repeats the last duration when there are more thresholds than durations', () => {
    const many = { ...config, timedLockoutsBeforePermanent: 5 };
    const gate = { failures: 2, timedLockouts: 3, permanentlyLocked: false, windowStartedAt: t0 };
    const result = recordGateFailure(gate, t0, many);
    expect(result.gate.lockedUntil).toBe(t0 + 600_000);
  });

  it('forgets failures older than the window', () => {
    let gate = openGate();
    ({ gate } = fail(gate, t0));
    ({ gate } = fail(gate, t0));
    const late = fail(gate, t0 + 3_600_001);
    expect(late.effect).toBe('counted');
    expect(late.gate.failures).toBe(1);
  });

  it('a success resets counts but never a permanent lockout; the help desk clears it', () => {
    expect(recordGateSuccess({ failures: 2, timedLockouts: 1, permanentlyLocked: false })).toEqual(openGate());
    const permanent = { failures: 0, timedLockouts: 2, permanentlyLocked: true };
    expect(recordGateSuccess(permanent)).toBe(permanent);
    expect(gateStatus(clearedGate(), t0)).toEqual({ state: 'open' });
  });
});
