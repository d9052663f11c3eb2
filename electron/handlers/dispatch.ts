/**
 * Transport-free dispatch, shared by Electron IPC and the Sesame host: checks the call name, validates the
 * payload with the call's schema, runs the handler, and answers with a Result. It never throws, and its
 * errors carry only a code and a message key: never the payload, a schema message or a stack.
 */
import { calls, isCallName, type CallName, type CallResult } from '../../shared/calls';
import type { CallErrorCode } from '../../shared/errors';
import { errorMessageKeys } from '../../shared/messages';
import { fail, ok, type Result } from '../../shared/result';
import { silentLogger, type Logger } from '../logging/logger';
import { ServiceUnavailable, type CallContext, type Handler, type Handlers } from './handlers';

export type AnyCallResult = Result<unknown, CallErrorCode>;
export type Dispatch = (callName: unknown, rawPayload: unknown, context: CallContext) => Promise<AnyCallResult>;

export function callError(code: CallErrorCode): Result<never, CallErrorCode> {
  return fail(code, errorMessageKeys[code]);
}

export function createDispatch(handlers: Handlers, logger: Logger = silentLogger): Dispatch {
  async function run<C extends CallName>(name: C, rawPayload: unknown, context: CallContext): Promise<CallResult<C>> {
    const parsed = calls[name].request.safeParse(rawPayload);
    // Only the call name and the failing paths are logged: never the values, which may be secrets.
    if (!parsed.success) {
      logger.warn('call refused: invalid payload', { call: name, paths: parsed.error.issues.slice(0, 5).map((i) => i.path.join('.')) });
      return callError('invalidRequest');
    }
    const handler = handlers[name] as Handler<C>;
    return ok(await handler(parsed.data as Parameters<Handler<C>>[0], context));
  }

  return async (callName, rawPayload, context) => {
    if (!isCallName(callName)) return callError('unknownCall');
    try {
      return await run(callName, rawPayload, context);
    } catch (err) {
      if (err instanceof ServiceUnavailable) return callError('unavailable');
      logger.error('call failed', { call: callName, errorName: err instanceof Error ? err.name : typeof err });
      return callError('internal');
    }
  };
}
