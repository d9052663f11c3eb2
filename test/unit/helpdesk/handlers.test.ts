import { describe, expect, it } from 'vitest';
import { helpdeskCallNames, type HelpdeskView } from '../../../shared/helpdesk';
import { createHelpdeskHandlers, InvalidHelpdeskRequest } from '../../../electron/helpdesk/handlers';
import type { HelpdeskService } from '../../../electron/helpdesk/service';

function recordingService() {
  const seen: Array<{ call: string; request: unknown }> = [];
  const service = Object.fromEntries(
    helpdeskCallNames.map((call) => [call, async (request: unknown): Promise<HelpdeskView> => (seen.push({ call, request }), { view: 'signedOut' })]),
  ) as unknown as HelpdeskService;
  return { service, seen };
}

const context = { kioskId: 'desk', clientId: 'browser' };

describe('help-desk handlers', () => {
  it('have one handler per contract call', () => {
    expect(Object.keys(createHelpdeskHandlers(recordingService().service)).sort()).toEqual([...helpdeskCallNames].sort());
  });

  it('pass the parsed payload (trimmed, defaults applied) to the service', async () => {
    const { service, seen } = recordingService();
    const handlers = createHelpdeskHandlers(service);
    await handlers['helpdesk.search']({ operatorSessionId: 'S'.repeat(24), query: '  bob ', offset: 0 }, context);
    expect(seen).toEqual([{ call: 'helpdesk.search', request: { operatorSessionId: 'S'.repeat(24), query: 'bob', offset: 0 } }]);
  });

  it('refuse a payload that fails its schema without echoing it', async () => {
    const { service, seen } = recordingService();
    const handlers = createHelpdeskHandlers(service);
    const forged = { username: 'op', password: 'Sup3r-Secret-Pw', extra: true } as never;
    const refusal = await handlers['helpdesk.signIn'](forged, context).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(InvalidHelpdeskRequest);
    expect(String((refusal as Error).message)).not.toContain('Sup3r');
    expect(seen).toEqual([]);
  });
});
