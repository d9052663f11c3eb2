/**
 * The flow engine facade: one method per call of shared/flow.ts. The host's IPC and HTTP handlers validate
 * requests with flowRequestSchemas, then call these with the caller's context; every answer is a
 * FlowResponse, never a thrown error (an unexpected fault becomes a generic failure view).
 */
import type { FlowCall, FlowRequest, FlowResponse } from '../../shared/flow';

export interface FlowContext {
  /** The kiosk (or web host instance) the session is bound to. */
  kioskId: string;
  /** The renderer/browser client within that kiosk; a session answers only to the client that started it. */
  clientId: string;
  /** UI language for question texts (BCP 47), else the configured default. */
  language?: string;
}

export interface FlowEngine {
  start(request: FlowRequest<'flow.start'>, context: FlowContext): Promise<FlowResponse>;
  answerQuestions(request: FlowRequest<'flow.answerQuestions'>, context: FlowContext): Promise<FlowResponse>;
  submitTotp(request: FlowRequest<'flow.submitTotp'>, context: FlowContext): Promise<FlowResponse>;
  submitCurrentPassword(request: FlowRequest<'flow.submitCurrentPassword'>, context: FlowContext): Promise<FlowResponse>;
  /** Live checklist for a candidate: answers the newPassword view with each rule's `passes`. */
  checkNewPassword(request: FlowRequest<'flow.checkNewPassword'>, context: FlowContext): Promise<FlowResponse>;
  submitNewPassword(request: FlowRequest<'flow.submitNewPassword'>, context: FlowContext): Promise<FlowResponse>;
  enrollQuestions(request: FlowRequest<'flow.enrollQuestions'>, context: FlowContext): Promise<FlowResponse>;
  confirmTotpEnrollment(request: FlowRequest<'flow.confirmTotpEnrollment'>, context: FlowContext): Promise<FlowResponse>;
  cancel(request: FlowRequest<'flow.cancel'>, context: FlowContext): Promise<FlowResponse>;
  /** Generic dispatch for handlers keyed by call name. */
  handle<C extends FlowCall>(call: C, request: FlowRequest<C>, context: FlowContext): Promise<FlowResponse>;
  /** Drops expired sessions; the host may call it on a timer (expiry is also checked on every call). */
  sweep(): void;
}

export { createFlowEngine, type FlowEngineDeps } from './create-engine';
