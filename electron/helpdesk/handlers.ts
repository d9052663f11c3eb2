/**
 * Help-desk calls as transport-free handlers keyed by call name, for the host's handler registry: each
 * validates its payload with the contract's schema (dispatch does too; this guards direct callers) and
 * answers with a HelpdeskView.
 */
import { helpdeskCallNames, helpdeskRequestSchemas, type HelpdeskCall, type HelpdeskRequest, type HelpdeskView } from '../../shared/helpdesk';
import type { HelpdeskCallContext } from './context';
import type { HelpdeskService } from './service';

export type HelpdeskHandler<C extends HelpdeskCall> = (request: HelpdeskRequest<C>, context: HelpdeskCallContext) => Promise<HelpdeskView>;
export type HelpdeskHandlers = { readonly [C in HelpdeskCall]: HelpdeskHandler<C> };

export class InvalidHelpdeskRequest extends Error {
  override readonly name = 'InvalidHelpdeskRequest';
}

export function createHelpdeskHandlers(service: HelpdeskService): HelpdeskHandlers {
  const entries = helpdeskCallNames.map((call) => {
    const handler = (request: unknown, context: HelpdeskCallContext) => {
      const parsed = helpdeskRequestSchemas[call].safeParse(request);
      // Never echo the payload or the schema's message: it may hold a password or an answer.
      if (!parsed.success) return Promise.reject(new InvalidHelpdeskRequest(`invalid ${call} payload`));
      return (service[call] as (r: unknown, c: HelpdeskCallContext) => Promise<HelpdeskView>)(parsed.data, context);
    };
    return [call, handler] as const;
  });
  return Object.fromEntries(entries) as unknown as HelpdeskHandlers;
}
