/**
 * Caller verification: the operator reads the caller's enrolled questions out (never the answers) or asks
 * for a TOTP code, and types what the caller says. Checked with the self-service gates' own code, so a
 * wrong answer counts toward the caller's lockout gate and a TOTP code is accepted once across kiosks
 * and help desk alike. A closed lockout gate refuses verification here too.
 */
import type { HelpdeskRequest, HelpdeskView, VerificationMethod } from '../../shared/helpdesk';
import type { DirectoryUser } from '../directory/user';
import type { EnrollmentRecord } from '../enrollment/record';
import { countFailure, drawQuestions, questionsCorrect, recordPass, statusOf, totpCheck } from '../flows/gate-checks';
import type { Session } from '../flows/session';
import { auditHelpdesk, type HelpdeskCallContext, type HelpdeskContext } from './context';
import { userKey, type OperatorSession } from './operator-sessions';
import { availableMethods, buildPanel, readRecord } from './panel';

/** The caller as the gates' code sees a subject: an enrolled user in a session of the operator's kiosk. */
function gateSession(ctx: HelpdeskContext, operator: OperatorSession, call: HelpdeskCallContext, user: DirectoryUser, record: EnrollmentRecord): Session {
  const now = ctx.clock.now();
  return {
    id: operator.id,
    flow: 'unlockAccount',
    kioskId: operator.kioskId,
    clientId: operator.clientId,
    typedName: user.accountName,
    language: call.language ?? ctx.gates.config.defaultLanguage,
    subject: { kind: 'enrolled', user, record, directoryLocked: false },
    startedAt: now,
    lastActivityAt: now,
    gates: [],
    passedGates: [],
    step: { name: 'acting' },
  };
}

async function refusedWithPanel(ctx: HelpdeskContext, session: OperatorSession, user: DirectoryUser, reason: 'lockedOut' | 'notEnrolled' | 'verificationFailed' | 'notVerified'): Promise<HelpdeskView> {
  return { view: 'refused', reason, panel: await buildPanel(ctx, session, user) };
}

export async function startVerification(
  ctx: HelpdeskContext,
  session: OperatorSession,
  call: HelpdeskCallContext,
  user: DirectoryUser,
  method: VerificationMethod,
): Promise<HelpdeskView> {
  const record = await readRecord(ctx, user);
  if (!record || !availableMethods(ctx, record).includes(method)) return refusedWithPanel(ctx, session, user, 'notEnrolled');
  if (statusOf(record, ctx.clock.now()).state !== 'open') return refusedWithPanel(ctx, session, user, 'lockedOut');
  const questions = method === 'answers' ? drawQuestions(ctx.gates, gateSession(ctx, session, call, user, record), record) : [];
  // A new challenge replaces any verification of another caller: one caller at a time.
  session.challenge = { userKey: userKey(user.dn), method, questions };
  if (session.verification?.userKey !== userKey(user.dn)) delete session.verification;
  return { view: 'challenge', userDn: user.dn, method, questions };
}

type VerifyRequest = HelpdeskRequest<'helpdesk.verifyCaller'>;

export async function verifyCaller(
  ctx: HelpdeskContext,
  session: OperatorSession,
  call: HelpdeskCallContext,
  user: DirectoryUser,
  request: VerifyRequest,
): Promise<HelpdeskView> {
  const method: VerificationMethod = 'code' in request ? 'totp' : 'answers';
  const challenge = session.challenge;
  // Answers are checked against the questions read out; a code needs its challenge too, so every attempt is deliberate.
  if (!challenge || challenge.userKey !== userKey(user.dn) || challenge.method !== method) return refusedWithPanel(ctx, session, user, 'notVerified');
  const record = await readRecord(ctx, user);
  if (!record || !availableMethods(ctx, record).includes(method)) return refusedWithPanel(ctx, session, user, 'notEnrolled');
  if (statusOf(record, ctx.clock.now()).state !== 'open') return refusedWithPanel(ctx, session, user, 'lockedOut');
  const gateView = gateSession(ctx, session, call, user, record);

  let passed = false;
  let totpStep: number | undefined;
  let reason = 'wrongAnswers';
  if ('code' in request) {
    const check = await totpCheck(ctx.gates, gateView, record, request.code);
    passed = check.ok;
    if (check.ok) totpStep = check.step;
    else reason = check.reason;
  } else {
    passed = await questionsCorrect(ctx.gates, record, challenge.questions, request.answers, gateView);
  }
  // Single use: a failed challenge is redrawn, a passed one is spent.
  delete session.challenge;
  if (passed) {
    const outcome = await recordPass(ctx.gates, gateView, { lastGate: true, ...(totpStep === undefined ? {} : { totpStep }) });
    if (outcome === 'recorded') {
      session.verification = { userKey: userKey(user.dn), method, expiresAt: ctx.clock.now() + ctx.config.verificationTtlSeconds * 1000 };
      await auditHelpdesk(ctx, session, { subject: `verify.${method}`, user: user.dn, outcome: 'success', verification: method });
      return { view: 'panel', panel: await buildPanel(ctx, session, user) };
    }
    if (outcome === 'locked') return refusedWithPanel(ctx, session, user, 'lockedOut');
    reason = outcome;
  }
  await auditHelpdesk(ctx, session, { subject: `verify.${method}`, user: user.dn, outcome: 'failure', reason, verification: method });
  const effect = await countFailure(ctx.gates, gateView);
  return refusedWithPanel(ctx, session, user, effect === 'counted' ? 'verificationFailed' : 'lockedOut');
}
