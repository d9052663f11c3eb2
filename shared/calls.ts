/**
 * The call registry: every call the renderer can make, with the schema its payload must pass and the type
 * it answers with. Preloads, the renderer, IPC handlers and the HTTP host all derive from this one table.
 */
import { z } from 'zod';
import type { AppInfo } from './app';
import type { CallName } from './call-names';
import type { CallErrorCode } from './errors';
import { flowRequestSchemas, type FlowResponse } from './flow';
import { helpdeskRequestSchemas, type HelpdeskView } from './helpdesk';
import type { Result } from './result';

declare const responseMarker: unique symbol;
/** Carries a response type through the registry; there is nothing to hold at runtime. */
export interface Returns<T> {
  readonly [responseMarker]?: T;
}
const returns = <T>(): Returns<T> => ({});

export interface CallSpec<S extends z.ZodType, T> {
  request: S;
  response: Returns<T>;
}
const spec = <S extends z.ZodType, T>(request: S, response: Returns<T>): CallSpec<S, T> => ({ request, response });

const flowResponse = returns<FlowResponse>();
const appInfoRequestSchema = z.object({}).strict();
const helpdeskView = returns<HelpdeskView>();

export const calls = {
  'app.info': spec(appInfoRequestSchema, returns<AppInfo>()),
  'flow.start': spec(flowRequestSchemas['flow.start'], flowResponse),
  'flow.answerQuestions': spec(flowRequestSchemas['flow.answerQuestions'], flowResponse),
  'flow.submitTotp': spec(flowRequestSchemas['flow.submitTotp'], flowResponse),
  'flow.submitCurrentPassword': spec(flowRequestSchemas['flow.submitCurrentPassword'], flowResponse),
  'flow.checkNewPassword': spec(flowRequestSchemas['flow.checkNewPassword'], flowResponse),
  'flow.submitNewPassword': spec(flowRequestSchemas['flow.submitNewPassword'], flowResponse),
  'flow.enrollQuestions': spec(flowRequestSchemas['flow.enrollQuestions'], flowResponse),
  'flow.confirmTotpEnrollment': spec(flowRequestSchemas['flow.confirmTotpEnrollment'], flowResponse),
  'flow.cancel': spec(flowRequestSchemas['flow.cancel'], flowResponse),
  'helpdesk.signIn': spec(helpdeskRequestSchemas['helpdesk.signIn'], helpdeskView),
  'helpdesk.signOut': spec(helpdeskRequestSchemas['helpdesk.signOut'], helpdeskView),
  'helpdesk.search': spec(helpdeskRequestSchemas['helpdesk.search'], helpdeskView),
  'helpdesk.openUser': spec(helpdeskRequestSchemas['helpdesk.openUser'], helpdeskView),
  'helpdesk.startVerification': spec(helpdeskRequestSchemas['helpdesk.startVerification'], helpdeskView),
  'helpdesk.verifyCaller': spec(helpdeskRequestSchemas['helpdesk.verifyCaller'], helpdeskView),
  'helpdesk.resetPassword': spec(helpdeskRequestSchemas['helpdesk.resetPassword'], helpdeskView),
  'helpdesk.unlock': spec(helpdeskRequestSchemas['helpdesk.unlock'], helpdeskView),
  'helpdesk.setPasswordNeverExpires': spec(helpdeskRequestSchemas['helpdesk.setPasswordNeverExpires'], helpdeskView),
  'helpdesk.setValidUntil': spec(helpdeskRequestSchemas['helpdesk.setValidUntil'], helpdeskView),
  'helpdesk.clearEnrollment': spec(helpdeskRequestSchemas['helpdesk.clearEnrollment'], helpdeskView),
  'helpdesk.clearLockoutGate': spec(helpdeskRequestSchemas['helpdesk.clearLockoutGate'], helpdeskView),
} satisfies Record<CallName, CallSpec<z.ZodType, unknown>>;

// call-names.ts lists exactly the registry's keys (both directions).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchRegistry: Same<keyof typeof calls, CallName> = true;
void namesMatchRegistry;

export type Calls = typeof calls;
/** What the renderer sends (before defaults and trimming). */
export type CallRequest<C extends CallName> = z.input<Calls[C]['request']>;
/** What a handler receives once the schema accepted the payload. */
export type ValidCallRequest<C extends CallName> = z.output<Calls[C]['request']>;
export type CallResponse<C extends CallName> = Calls[C]['response'] extends Returns<infer T> ? T : never;
export type CallResult<C extends CallName> = Result<CallResponse<C>, CallErrorCode>;

/**
 * What the preload exposes as `window.sesame` (and what the renderer's web transport implements): one
 * method per call, named like the call. Every method resolves with a Result; none rejects.
 */
export type SesameApi = { readonly [C in CallName]: (request: CallRequest<C>) => Promise<CallResult<C>> };

export { callNames, ipcChannel, httpPath, isCallName, type CallName } from './call-names';
