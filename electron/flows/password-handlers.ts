/** Proving the current password, the new-password checklist, and the reset and change actions. */
import type { FlowRequest, FlowResponse, PolicyRuleView } from '../../shared/flow';
import { DirectoryError, isDirectoryError, type DirectoryErrorCode, type PolicyRule } from '../directory/errors';
import { allGatesPassed, isAt } from './machine';
import { checkPasswordQuality } from '../directory/quality';
import { draw } from './questions';
import type { Session } from './session';
import { advance, audit, respond, type Turn } from './turn';

/** Refusals that prove the password was right: the directory only says "must change" to the owner. */
const provenCodes: ReadonlySet<DirectoryErrorCode> = new Set(['passwordMustChange', 'passwordExpired']);
const refusedCodes: ReadonlySet<DirectoryErrorCode> = new Set(['invalidCredentials', 'accountLocked', 'accountDisabled', 'accountExpired', 'accountRestricted', 'invalidInput']);

/** True when proven, else the reason code for the audit line. */
async function proveCurrentPassword(turn: Turn, session: Session, password: string): Promise<true | string> {
  if (session.subject.kind === 'decoy') return session.subject.why;
  try {
    await turn.ctx.directory.verifyPassword(session.subject.user, password);
    return true;
  } catch (err) {
    if (isDirectoryError(err) && provenCodes.has(err.code)) return true;
    if (isDirectoryError(err) && refusedCodes.has(err.code)) return err.code;
    throw err;
  }
}

export async function submitCurrentPassword(turn: Turn, session: Session, request: FlowRequest<'flow.submitCurrentPassword'>): Promise<FlowResponse> {
  if (!isAt(session, 'currentPassword')) return respond(turn, session, { rejected: 'invalidInput' });
  const { ctx } = turn;
  const proof = await proveCurrentPassword(turn, session, request.password);
  if (proof !== true) {
    await audit(ctx, session, { kind: 'gateAttempt', subject: 'currentPassword', outcome: 'failure', reason: proof });
    const next = advance(turn, session, { type: 'currentPasswordRefused' });
    return respond(turn, next, isAt(next, 'currentPassword') ? { rejected: 'wrongAnswer' } : {});
  }
  await audit(ctx, session, { kind: 'gateAttempt', subject: 'currentPassword', outcome: 'success' });
  if (session.flow === 'changePassword') {
    return respond(turn, advance(turn, session, { type: 'currentPasswordProven', password: request.password }));
  }
  const shown = draw(ctx.config.catalogue, ctx.config.questions.shownAtRegistration, ctx.random);
  const offered = shown.map((q) => ctx.texts.catalogueView(q.id, session.language)!);
  return respond(turn, advance(turn, session, { type: 'currentPasswordProven', offered }));
}

export async function checkNewPassword(turn: Turn, session: Session, request: FlowRequest<'flow.checkNewPassword'>): Promise<FlowResponse> {
  if (!isAt(session, 'newPassword')) return respond(turn, session, { rejected: 'invalidInput' });
  return respond(turn, session, { candidate: request.candidate });
}

const viewRules: ReadonlySet<string> = new Set<PolicyRuleView['rule']>([
  'minLength',
  'maxLength',
  'complexity',
  'containsAccountName',
  'containsDisplayName',
  'commonPassword',
  'history',
]);
const asViewRules = (rules: readonly PolicyRule[] | undefined): PolicyRuleView['rule'][] =>
  (rules ?? []).filter((rule): rule is PolicyRuleView['rule'] => viewRules.has(rule));

export async function submitNewPassword(turn: Turn, session: Session, request: FlowRequest<'flow.submitNewPassword'>): Promise<FlowResponse> {
  const { ctx } = turn;
  const resetting = session.flow === 'forgotPassword';
  const ready = resetting ? session.subject.kind === 'enrolled' && allGatesPassed(session) : session.currentPassword !== undefined;
  if (!isAt(session, 'newPassword') || !ready || session.subject.kind === 'decoy') return respond(turn, session, { rejected: 'invalidInput' });
  const { user } = session.subject;
  session.policy ??= await ctx.directory.getEffectivePolicy(user);
  const localFailures = checkPasswordQuality(request.newPassword, session.policy, user).failedRules;
  if (localFailures.length > 0) return respond(turn, session, { rejected: 'policy', failedRules: localFailures, candidate: request.newPassword });

  const action = resetting ? 'resetPassword' : 'changePassword';
  await audit(ctx, session, { kind: 'action', subject: action, outcome: 'info', reason: 'attempt' });
  try {
    if (resetting) {
      const state = await ctx.directory.getAccountState(user);
      await ctx.directory.resetPassword(user, request.newPassword, { unlock: state.locked });
    } else {
      await ctx.directory.changePassword(user, session.currentPassword!, request.newPassword);
    }
  } catch (err) {
    if (err instanceof DirectoryError && (err.code === 'passwordPolicy' || err.code === 'passwordTooYoung')) {
      await audit(ctx, session, { kind: 'action', subject: action, outcome: 'failure', reason: err.code });
      const rules = asViewRules(err.details.failedRules);
      return respond(turn, session, { rejected: 'policy', failedRules: rules, candidate: request.newPassword });
    }
    if (isDirectoryError(err, 'invalidCredentials')) {
      await audit(ctx, session, { kind: 'failure', subject: action, outcome: 'failure', reason: err.code });
      return respond(turn, advance(turn, session, { type: 'fail', reason: 'generic' }));
    }
    throw err;
  }
  await audit(ctx, session, { kind: 'action', subject: action, outcome: 'success' });
  return respond(turn, advance(turn, session, { type: 'actionSucceeded', outcome: resetting ? 'passwordReset' : 'passwordChanged' }));
}
