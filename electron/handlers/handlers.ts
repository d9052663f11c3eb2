/**
 * The handler registry: one function per call of shared/calls.ts, free of any transport. Flow calls go
 * to the gates engine; app.info answers from the loaded configuration.
 */
import type { AppInfo } from '../../shared/app';
import type { CallName, CallResponse, ValidCallRequest } from '../../shared/calls';
import type { FlowCall, FlowRequest } from '../../shared/flow';
import { helpdeskCallNames, type HelpdeskCall } from '../../shared/helpdesk';
import type { FlowContext, FlowEngine } from '../flows/engine';
import type { HelpdeskHandlers } from '../helpdesk/handlers';

export type CallContext = FlowContext;

export type Handler<C extends CallName> = (request: ValidCallRequest<C>, context: CallContext) => Promise<CallResponse<C>>;
export type Handlers = { readonly [C in CallName]: Handler<C> };

/** Thrown by a handler that cannot serve at all; dispatch turns it into the `unavailable` error. */
export class ServiceUnavailable extends Error {
  constructor() {
    super('service unavailable');
    this.name = 'ServiceUnavailable';
  }
}

export interface HandlerDeps {
  appInfo: AppInfo;
  /** Absent when the configuration could not be loaded: flow calls then answer `unavailable`. */
  engine?: FlowEngine;
  /** The help desk's handlers (deployHelpdesk) when the configuration enables it; else its calls answer `unavailable`. */
  helpdesk?: HelpdeskHandlers;
}

const helpdeskUnavailable = (): Promise<never> => Promise.reject(new ServiceUnavailable());

/** Help-desk calls answer with a HelpdeskView (the registry says so): the deployed handlers, or `unavailable`. */
function helpdeskHandlers(helpdesk: HelpdeskHandlers | undefined): Pick<Handlers, HelpdeskCall> {
  return Object.fromEntries(helpdeskCallNames.map((call) => [call, helpdesk ? helpdesk[call] : helpdeskUnavailable])) as unknown as Pick<Handlers, HelpdeskCall>;
}

export function createHandlers({ appInfo, engine, helpdesk }: HandlerDeps): Handlers {
  // Every flow call answers with a FlowResponse (the registry says so); the cast states that once.
  const flow =
    <C extends FlowCall>(call: C): Handler<C> =>
    (request, context) => {
      if (!engine) return Promise.reject(new ServiceUnavailable());
      return engine.handle(call, request as FlowRequest<C>, context) as Promise<CallResponse<C>>;
    };
  return {
    'app.info': async () => ({ ...appInfo, serviceAvailable: appInfo.serviceAvailable && engine !== undefined }),
    'flow.start': flow('flow.start'),
    'flow.answerQuestions': flow('flow.answerQuestions'),
    'flow.submitTotp': flow('flow.submitTotp'),
    'flow.submitCurrentPassword': flow('flow.submitCurrentPassword'),
    'flow.checkNewPassword': flow('flow.checkNewPassword'),
    'flow.submitNewPassword': flow('flow.submitNewPassword'),
    'flow.enrollQuestions': flow('flow.enrollQuestions'),
    'flow.confirmTotpEnrollment': flow('flow.confirmTotpEnrollment'),
    'flow.cancel': flow('flow.cancel'),
    ...helpdeskHandlers(helpdesk),
  };
}
