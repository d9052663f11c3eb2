/** Builds the FlowEngine: session guards, response-time floor and fault handling around the handlers. */
import type { FlowCall, FlowRequest, FlowResponse } from '../../shared/flow';
import { AuditWriteError } from '../audit/file-audit-log';
import { isDirectoryError } from '../directory/errors';
import { EnrollmentConflictError } from '../enrollment/update';
import { engineContext, type FlowEngineDeps } from './engine-context';
import type { FlowContext, FlowEngine } from './engine';
import { confirmTotpEnrollment, enrollQuestions } from './enroll-handlers';
import { answerQuestions, enterGates, submitTotp } from './gated-handlers';
import { checkNewPassword, submitCurrentPassword, submitNewPassword } from './password-handlers';
import type { Session, Step } from './session';
import { SessionRegistry } from './sessions';
import { DirectoryUnavailable, resolveSubject } from './subject';
import { advance, audit, respond, type Turn } from './turn';
import { expiredView, unavailableView } from './views';

export type { FlowEngineDeps } from './engine-context';

const currentPasswordAttempts = 3;

function isUnavailability(err: unknown): boolean {
  return (
    err instanceof DirectoryUnavailable ||
    err instanceof AuditWriteError ||
    err instanceof EnrollmentConflictError ||
    isDirectoryError(err, 'serverUnavailable') ||
    isDirectoryError(err, 'timeout') ||
    isDirectoryError(err, 'tlsUntrusted')
  );
}

export function createFlowEngine(deps: FlowEngineDeps): FlowEngine {
  const ctx = engineContext(deps);
  const { config } = ctx;
  const registry = new SessionRegistry(
    { sessionLifetimeMs: config.sessionLifetimeSeconds * 1000, idleTimeoutMs: config.idleTimeoutSeconds * 1000 },
    ctx.clock,
  );
  const turn: Turn = { ctx, registry };
  const busy = new Set<string>();

  /** Answers no sooner than the floor, so the work done for real and decoy subjects cannot be timed apart. */
  async function floored(work: () => Promise<FlowResponse>): Promise<FlowResponse> {
    const started = performance.now();
    const response = await work();
    const remaining = config.minResponseMs - (performance.now() - started);
    if (remaining > 0) await ctx.sleep(remaining);
    return response;
  }

  async function fault(session: Session | undefined, err: unknown): Promise<FlowResponse> {
    const unavailable = isUnavailability(err);
    ctx.logger.error('flow step failed', { sessionId: session?.id, flow: session?.flow, error: err, errorCode: isDirectoryError(err) ? err.code : undefined });
    if (!session) return unavailable ? unavailableView : { step: 'failed', reason: 'generic', retryable: true };
    const failed = advance(turn, session, { type: 'fail', reason: unavailable ? 'serviceUnavailable' : 'generic' });
    await audit(ctx, failed, { kind: 'failure', outcome: 'failure', reason: unavailable ? 'unavailable' : 'internal' }).catch(() => undefined);
    return respond(turn, failed);
  }

  async function withSession(sessionId: string, context: FlowContext, handler: (session: Session) => Promise<FlowResponse>): Promise<FlowResponse> {
    const taken = registry.take(sessionId, context.kioskId, context.clientId);
    if ('expired' in taken) {
      if (taken.expired) await audit(ctx, taken.expired, { kind: 'failure', outcome: 'failure', reason: 'sessionExpired' }).catch(() => undefined);
      return expiredView;
    }
    const { session } = taken;
    // One call at a time per session: a double submit must not run a gate or an action twice.
    if (busy.has(session.id)) return respond(turn, session, { rejected: 'invalidInput' });
    busy.add(session.id);
    try {
      return await handler(session);
    } catch (err) {
      return fault(session, err);
    } finally {
      busy.delete(session.id);
    }
  }

  async function start(request: FlowRequest<'flow.start'>, context: FlowContext): Promise<FlowResponse> {
    const gates = request.flow === 'forgotPassword' ? config.gates.forgotPassword : request.flow === 'unlockAccount' ? config.gates.unlockAccount : [];
    const now = ctx.clock.now();
    if (registry.size >= config.maxSessions) engine.sweep();
    if (registry.size >= config.maxSessions) {
      ctx.logger.warn('session limit reached; start refused', { kioskId: context.kioskId, limit: config.maxSessions });
      return unavailableView;
    }
    let session: Session | undefined;
    try {
      const subject = await resolveSubject(ctx, request.flow, gates, request.username);
      const first: Step =
        gates[0] === 'questions'
          ? { name: 'questions', gateIndex: 0, presented: [] }
          : gates[0] === 'totp'
            ? { name: 'totp', gateIndex: 0 }
            : { name: 'currentPassword', attemptsLeft: currentPasswordAttempts };
      session = {
        id: SessionRegistry.newId(),
        flow: request.flow,
        kioskId: context.kioskId,
        clientId: context.clientId,
        typedName: request.username,
        language: context.language ?? config.defaultLanguage,
        subject,
        startedAt: now,
        lastActivityAt: now,
        gates,
        passedGates: [],
        step: first,
      };
      await audit(ctx, session, { kind: 'flowStart', outcome: 'info', ...(subject.kind === 'decoy' ? { reason: subject.why } : {}) });
      registry.save(session);
      return gates.length > 0 ? await enterGates(turn, session) : await respond(turn, session);
    } catch (err) {
      if (session) registry.end(session.id);
      return fault(undefined, err);
    }
  }

  const engine: FlowEngine = {
    start: (request, context) => floored(() => start(request, context)),
    answerQuestions: (request, context) => floored(() => withSession(request.sessionId, context, (s) => answerQuestions(turn, s, request))),
    submitTotp: (request, context) => floored(() => withSession(request.sessionId, context, (s) => submitTotp(turn, s, request))),
    submitCurrentPassword: (request, context) =>
      floored(() => withSession(request.sessionId, context, (s) => submitCurrentPassword(turn, s, request))),
    checkNewPassword: (request, context) => withSession(request.sessionId, context, (s) => checkNewPassword(turn, s, request)),
    submitNewPassword: (request, context) => withSession(request.sessionId, context, (s) => submitNewPassword(turn, s, request)),
    enrollQuestions: (request, context) => withSession(request.sessionId, context, (s) => enrollQuestions(turn, s, request)),
    confirmTotpEnrollment: (request, context) => withSession(request.sessionId, context, (s) => confirmTotpEnrollment(turn, s, request)),
    cancel: (request, context) =>
      withSession(request.sessionId, context, async (session) => {
        const cancelled = advance(turn, session, { type: 'fail', reason: 'generic', retryable: true });
        await audit(ctx, cancelled, { kind: 'failure', outcome: 'failure', reason: 'cancelled' }).catch(() => undefined);
        return respond(turn, cancelled);
      }),
    handle<C extends FlowCall>(call: C, request: FlowRequest<C>, context: FlowContext): Promise<FlowResponse> {
      const handlers: { [K in FlowCall]: (r: FlowRequest<K>, c: FlowContext) => Promise<FlowResponse> } = {
        'flow.start': engine.start,
        'flow.answerQuestions': engine.answerQuestions,
        'flow.submitTotp': engine.submitTotp,
        'flow.submitCurrentPassword': engine.submitCurrentPassword,
        'flow.checkNewPassword': engine.checkNewPassword,
        'flow.submitNewPassword': engine.submitNewPassword,
        'flow.enrollQuestions': engine.enrollQuestions,
        'flow.confirmTotpEnrollment': engine.confirmTotpEnrollment,
        'flow.cancel': engine.cancel,
      };
      return (handlers[call] as (r: FlowRequest<C>, c: FlowContext) => Promise<FlowResponse>)(request, context);
    },
    sweep: () => {
      for (const expired of registry.sweep()) void audit(ctx, expired, { kind: 'failure', outcome: 'failure', reason: 'sessionExpired' }).catch(() => undefined);
    },
  };
  return engine;
}
