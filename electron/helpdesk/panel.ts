/**
 * The account panel: the directory's account state read with the operator's bind, and Sesame's own
 * enrollment and lockout-gate state from the shared store. Read afresh for every answer.
 */
import type { AccountPanelView, AccountStateView, CallerVerificationView, EnrollmentView, HelpdeskAction, UserSummaryView, VerificationMethod } from '../../shared/helpdesk';
import type { AccountState } from '../directory/account-state';
import type { DirectoryUser } from '../directory/user';
import { EnrollmentCodecError } from '../enrollment/codec';
import type { EnrollmentRecord } from '../enrollment/record';
import { gateStatus } from '../gates/lockout';
import { openGate } from '../enrollment/record';
import type { HelpdeskContext } from './context';
import { userKey, type OperatorSession } from './operator-sessions';

export function userSummary(user: DirectoryUser): UserSummaryView {
  return {
    dn: user.dn,
    accountName: user.accountName,
    ...(user.displayName ? { displayName: user.displayName } : {}),
    ...(user.mail ? { mail: user.mail } : {}),
  };
}

function stateView(state: AccountState): AccountStateView {
  const iso = (date: Date | undefined) => (date ? { value: date.toISOString() } : undefined);
  const dates = {
    lockedUntil: iso(state.lockedUntil),
    validUntil: iso(state.validUntil),
    passwordChangedAt: iso(state.passwordChangedAt),
    passwordExpiresAt: iso(state.passwordExpiresAt),
    lastSuccessfulLogin: iso(state.lastSuccessfulLogin),
  };
  const view: AccountStateView = {
    usable: state.usable,
    disabled: state.disabled,
    locked: state.locked,
    accountExpired: state.accountExpired,
    passwordExpired: state.passwordExpired,
    mustChange: state.mustChange,
    passwordNeverExpires: state.passwordNeverExpires,
    ...(state.failureCount !== undefined ? { failureCount: state.failureCount } : {}),
    ...(state.remainingFailures !== undefined ? { remainingFailures: state.remainingFailures } : {}),
  };
  for (const [name, date] of Object.entries(dates) as Array<[keyof typeof dates, { value: string } | undefined]>) if (date) view[name] = date.value;
  return view;
}

/** The caller's record, or undefined when none (an unreadable record counts as none, as at the kiosk). */
export async function readRecord(ctx: HelpdeskContext, user: DirectoryUser): Promise<EnrollmentRecord | undefined> {
  try {
    return (await ctx.deps.store.read(user))?.record;
  } catch (err) {
    if (err instanceof EnrollmentCodecError) return undefined;
    throw err;
  }
}

function enrollmentView(record: EnrollmentRecord | undefined, now: number): EnrollmentView {
  const gate = record?.gate ?? openGate();
  const status = gateStatus(gate, now);
  return {
    enrolled: record !== undefined,
    answers: record?.answers.length ?? 0,
    totp: record?.totp !== undefined,
    lockoutGate: { state: status.state, ...(status.state === 'timedLockout' ? { until: new Date(status.until).toISOString() } : {}), failures: gate.failures },
  };
}

/** Methods this caller can be verified with: what they enrolled, within the configured mode. */
export function availableMethods(ctx: HelpdeskContext, record: EnrollmentRecord | undefined): VerificationMethod[] {
  const mode = ctx.config.callerVerification;
  const methods: VerificationMethod[] = [];
  if ((mode === 'answers' || mode === 'either') && (record?.answers.length ?? 0) >= ctx.gates.config.questions.presentedAtReset) methods.push('answers');
  if ((mode === 'totp' || mode === 'either') && record?.totp) methods.push('totp');
  return methods;
}

/** The live verification of this caller in this operator session, if any. */
export function activeVerification(ctx: HelpdeskContext, session: OperatorSession, user: DirectoryUser) {
  const verification = session.verification;
  if (!verification || verification.userKey !== userKey(user.dn) || verification.expiresAt <= ctx.clock.now()) return undefined;
  return verification;
}

function verificationView(ctx: HelpdeskContext, session: OperatorSession, user: DirectoryUser, record: EnrollmentRecord | undefined): CallerVerificationView {
  const mode = ctx.config.callerVerification;
  const active = activeVerification(ctx, session, user);
  return {
    mode,
    required: mode !== 'none',
    available: availableMethods(ctx, record),
    verified: mode === 'none' || active !== undefined,
    ...(active ? { method: active.method, expiresAt: new Date(active.expiresAt).toISOString() } : {}),
  };
}

export function allowedActionsFor(session: OperatorSession, record: EnrollmentRecord | undefined): HelpdeskAction[] {
  const { rights } = session;
  const capabilities = session.administration.capabilities;
  const actions: HelpdeskAction[] = [];
  if (rights.has('resetPassword')) actions.push('resetPassword');
  if (rights.has('unlock')) actions.push('unlock');
  if (rights.has('updateMetadata') && capabilities.passwordNeverExpires) actions.push('setPasswordNeverExpires');
  if (rights.has('updateMetadata') && capabilities.validUntil) actions.push('setValidUntil');
  if (rights.has('manageEnrollment') && record) actions.push('clearEnrollment', 'clearLockoutGate');
  return actions;
}

export async function buildPanel(ctx: HelpdeskContext, session: OperatorSession, user: DirectoryUser): Promise<AccountPanelView> {
  const [state, record] = await Promise.all([session.directory.getAccountState(user), readRecord(ctx, user)]);
  return {
    user: userSummary(user),
    state: stateView(state),
    enrollment: enrollmentView(record, ctx.clock.now()),
    verification: verificationView(ctx, session, user, record),
    capabilities: { ...session.administration.capabilities },
    allowedActions: allowedActionsFor(session, record),
  };
}
