/**
 * The help-desk actions on one account. Each is refused unless the operator has the right and the caller
 * is verified (as configured); each is audited with the operator and the verification used, made with
 * the operator's own bind, and answered with the panel read afresh.
 */
import type { HelpdeskAction, HelpdeskView } from '../../shared/helpdesk';
import type { DirectoryUser } from '../directory/user';
import { isDirectoryError } from '../directory/errors';
import { clearEnrollment, clearLockoutGate } from '../enrollment/helpdesk-ops';
import { statusOf } from '../flows/gate-checks';
import { auditHelpdesk, type HelpdeskContext } from './context';
import { generatePassword } from './generate-password';
import type { OperatorSession } from './operator-sessions';
import { activeVerification, buildPanel, readRecord } from './panel';
import type { HelpdeskRight } from './rights';

/** The right each action needs, checked on the main side whatever the renderer showed. */
export const rightForAction: Record<HelpdeskAction, HelpdeskRight> = {
  resetPassword: 'resetPassword',
  unlock: 'unlock',
  setPasswordNeverExpires: 'updateMetadata',
  setValidUntil: 'updateMetadata',
  clearEnrollment: 'manageEnrollment',
  clearLockoutGate: 'manageEnrollment',
};

/** How the caller was verified for this action, or undefined when they must be verified first. */
async function verificationFor(ctx: HelpdeskContext, session: OperatorSession, user: DirectoryUser, action: HelpdeskAction): Promise<string | undefined> {
  if (ctx.config.callerVerification === 'none') return 'none';
  const active = activeVerification(ctx, session, user);
  if (active) return active.method;
  // A closed lockout gate cannot be passed, so reopening it is the one action that needs no verification:
  // it changes nothing in the directory and the caller must still pass the gates to use self-service.
  if (action === 'clearLockoutGate') {
    const record = await readRecord(ctx, user);
    if (record && statusOf(record, ctx.clock.now()).state !== 'open') return 'none:lockoutGateClosed';
  }
  return undefined;
}

export interface ActionOutcome {
  /** Shown once in the passwordReset view. */
  temporaryPassword?: string;
  mustChange?: boolean;
}

export async function runAction(
  ctx: HelpdeskContext,
  session: OperatorSession,
  user: DirectoryUser,
  action: HelpdeskAction,
  perform: () => Promise<ActionOutcome | void>,
): Promise<HelpdeskView> {
  const verification = await verificationFor(ctx, session, user, action);
  if (!verification) {
    await auditHelpdesk(ctx, session, { subject: action, user: user.dn, outcome: 'failure', reason: 'notVerified' });
    return { view: 'refused', reason: 'notVerified', panel: await buildPanel(ctx, session, user) };
  }
  await auditHelpdesk(ctx, session, { subject: action, user: user.dn, outcome: 'info', reason: 'attempt', verification });
  let outcome: ActionOutcome | void;
  try {
    outcome = await perform();
  } catch (err) {
    if (!isDirectoryError(err) || err.code === 'serverUnavailable' || err.code === 'timeout' || err.code === 'tlsUntrusted') throw err;
    await auditHelpdesk(ctx, session, { subject: action, user: user.dn, outcome: 'failure', reason: err.code, verification });
    return { view: 'refused', reason: 'directoryRefused', messageKey: err.messageKey, panel: await buildPanel(ctx, session, user) };
  }
  await auditHelpdesk(ctx, session, { subject: action, user: user.dn, outcome: 'success', verification });
  const panel = await buildPanel(ctx, session, user);
  if (outcome?.temporaryPassword !== undefined) {
    return { view: 'passwordReset', panel, temporaryPassword: outcome.temporaryPassword, mustChange: outcome.mustChange ?? false };
  }
  return { view: 'panel', panel };
}

export async function resetWithGeneratedPassword(session: OperatorSession, user: DirectoryUser, mustChange: boolean): Promise<ActionOutcome> {
  const policy = await session.directory.getEffectivePolicy(user);
  const temporaryPassword = generatePassword(policy);
  await session.directory.resetPassword(user, temporaryPassword, { mustChange });
  // A password administrator's reset may set must-change by itself (ppolicy pwdMustChange): honour the operator's choice.
  if (!mustChange && (await session.directory.getAccountState(user)).mustChange) await session.directory.setMustChange(user, false);
  return { temporaryPassword, mustChange };
}

export function enrollmentAction(ctx: HelpdeskContext, session: OperatorSession, user: DirectoryUser, which: 'clearEnrollment' | 'clearLockoutGate') {
  const actor = { kioskId: session.kioskId, operatorDn: session.operator.dn };
  const operation = which === 'clearEnrollment' ? clearEnrollment : clearLockoutGate;
  return async () => {
    await operation(ctx.deps.store, ctx.deps.audit, actor, user);
  };
}
