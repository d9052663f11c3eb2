/** Helpers every handler uses: move the machine, write the audit record, answer with the step's view. */
import type { FlowResponse } from '../../shared/flow';
import type { AuditEvent } from '../audit/audit-event';
import { qrSvg } from '../gates/totp/qr';
import { totpUri } from '../gates/totp/totp';
import type { EngineContext } from './engine-context';
import { transition, type FlowEvent } from './machine';
import { checkPasswordQuality, toPolicyRuleViews } from '../directory/quality';
import { auditName, type Session } from './session';
import type { SessionRegistry } from './sessions';
import { viewOf, type ViewExtras } from './views';

export interface Turn {
  ctx: EngineContext;
  registry: SessionRegistry;
}

export function advance(turn: Turn, session: Session, event: FlowEvent): Session {
  return turn.registry.save(transition(session, event, turn.ctx.clock.now()));
}

/** Writes one audit line; throws when it cannot be written, so whatever depended on it does not happen. */
export function audit(ctx: EngineContext, session: Session, event: Pick<AuditEvent, 'kind' | 'outcome'> & Partial<AuditEvent>): Promise<void> {
  return ctx.audit.write({ kioskId: session.kioskId, sessionId: session.id, flow: session.flow, user: auditName(session), ...event });
}

export async function respond(turn: Turn, session: Session, extra: Partial<FlowResponse> & { candidate?: string } = {}): Promise<FlowResponse> {
  const { ctx } = turn;
  const extras: ViewExtras = {};
  const { candidate = '', ...flags } = extra;
  if (session.step.name === 'newPassword' && session.subject.kind !== 'decoy') {
    session.policy ??= await ctx.directory.getEffectivePolicy(session.subject.user);
    extras.rules = toPolicyRuleViews(checkPasswordQuality(candidate, session.policy, session.subject.user));
  }
  if (session.step.name === 'enrollQuestions') {
    extras.enrollCatalogue = {
      required: ctx.config.questions.requiredAtRegistration,
      allowCustomQuestions: ctx.config.allowCustomQuestions,
      minAnswerLength: ctx.config.minAnswerLength,
    };
  }
  if (session.step.name === 'enrollTotp') {
    const otpauthUri = totpUri(session.step.secret, session.subject.user.accountName, ctx.totp);
    extras.enrollTotp = { otpauthUri, qrSvg: await qrSvg(otpauthUri) };
  }
  return { ...viewOf(session, extras), ...flags } as FlowResponse;
}
