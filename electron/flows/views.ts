/** What the renderer sees of a session: exactly the FlowView of its step, nothing about the subject. */
import type { FlowResponse, FlowView, PolicyRuleView } from '../../shared/flow';
import type { Session } from './session';

export interface ViewExtras {
  rules?: PolicyRuleView[];
  enrollTotp?: { otpauthUri: string; qrSvg: string };
  enrollCatalogue?: { required: number; allowCustomQuestions: boolean; minAnswerLength: number };
}

export function viewOf(session: Session, extras: ViewExtras = {}): FlowView {
  const { step, id: sessionId } = session;
  switch (step.name) {
    case 'questions':
      return { step: 'questions', sessionId, questions: step.presented };
    case 'totp':
      return { step: 'totp', sessionId };
    case 'currentPassword':
      return { step: 'currentPassword', sessionId };
    case 'newPassword':
      return { step: 'newPassword', sessionId, rules: extras.rules ?? [] };
    case 'enrollQuestions': {
      const settings = extras.enrollCatalogue ?? { required: 0, allowCustomQuestions: false, minAnswerLength: 1 };
      return { step: 'enrollQuestions', sessionId, catalogue: step.offered, ...settings };
    }
    case 'enrollTotp':
      return { step: 'enrollTotp', sessionId, otpauthUri: extras.enrollTotp?.otpauthUri ?? '', qrSvg: extras.enrollTotp?.qrSvg ?? '' };
    case 'acting':
      // Never shown: the engine runs the action before answering. Should it not, the safe view is a failure.
      return { step: 'failed', reason: 'generic', retryable: true };
    case 'done':
      return { step: 'done', outcome: step.outcome };
    case 'failed':
      return { step: 'failed', reason: step.reason, retryable: step.retryable };
  }
}

export const expiredView: FlowResponse = { step: 'failed', reason: 'sessionExpired', retryable: true };
export const unavailableView: FlowResponse = { step: 'failed', reason: 'serviceUnavailable', retryable: true };
