/**
 * FIM's Lockout Gate as pure functions over the state kept in the enrollment record: a number of gate
 * failures allowed, then a timed lockout whose length grows per threshold, and after a number of timed
 * lockouts a permanent one that only the help desk clears. Never touches the directory's own counters.
 */
import type { LockoutConfig } from '../flows/config';
import { openGate, type LockoutGateState } from '../enrollment/record';

export type GateStatus = { state: 'open' } | { state: 'timedLockout'; until: number } | { state: 'permanentLockout' };

export type FailureEffect = 'counted' | 'timedLockout' | 'permanentLockout';

export function gateStatus(gate: LockoutGateState, now: number): GateStatus {
  if (gate.permanentlyLocked) return { state: 'permanentLockout' };
  if (gate.lockedUntil !== undefined && gate.lockedUntil > now) return { state: 'timedLockout', until: gate.lockedUntil };
  return { state: 'open' };
}

export function lockoutDurationMs(timedLockoutNumber: number, config: LockoutConfig): number {
  const durations = config.lockoutDurationsSeconds;
  const seconds = durations[Math.min(timedLockoutNumber, durations.length) - 1] ?? durations[durations.length - 1] ?? 0;
  return seconds * 1000;
}

export function recordGateFailure(
  gate: LockoutGateState,
  now: number,
  config: LockoutConfig,
): { gate: LockoutGateState; effect: FailureEffect } {
  const windowExpired = gate.windowStartedAt !== undefined && now - gate.windowStartedAt > config.failureWindowSeconds * 1000;
  const failures = (windowExpired ? 0 : gate.failures) + 1;
  const windowStartedAt = windowExpired || gate.windowStartedAt === undefined ? now : gate.windowStartedAt;
  if (failures < config.failuresBeforeLockout) {
    return { gate: { ...gate, failures, windowStartedAt }, effect: 'counted' };
  }
  if (gate.timedLockouts >= config.timedLockoutsBeforePermanent) {
    return { gate: { failures: 0, timedLockouts: gate.timedLockouts, permanentlyLocked: true }, effect: 'permanentLockout' };
  }
  const timedLockouts = gate.timedLockouts + 1;
  return {
    gate: { failures: 0, timedLockouts, lockedUntil: now + lockoutDurationMs(timedLockouts, config), permanentlyLocked: false },
    effect: 'timedLockout',
  };
}

/** After every gate of a flow passed: FIM resets the lockout count on a successful reset. */
export function recordGateSuccess(gate: LockoutGateState): LockoutGateState {
  return gate.permanentlyLocked ? gate : openGate();
}

/** The help-desk operation: the only way out of a permanent lockout. */
export function clearedGate(): LockoutGateState {
  return openGate();
}
