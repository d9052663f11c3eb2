/**
 * Nobody learns who exists, on a real directory: an unknown name and an enrolled user answering wrongly
 * see the same sequence of views and the same failure, and take the same time (within the run's noise).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { FlowResponse } from '../../shared/flow';
import { MemoryAuditLog } from '../../electron/audit/file-audit-log';
import { createFlowEngine, type FlowEngine } from '../../electron/flows/engine';
import { answersFor, sessionOf } from '../unit/flows/harness';
import { enrollThrough, flowsConfig, type DirectoryFixture } from './flows-suite';

const kiosk = { kioskId: 'kiosk-e', clientId: 'client-e' };

function shape(view: FlowResponse): unknown {
  return JSON.parse(JSON.stringify(view, (key, value: unknown) => (key === 'sessionId' ? '<s>' : key === 'id' || key === 'text' ? '<q>' : value)));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
function interquartileRange(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.75)]! - sorted[Math.floor(sorted.length * 0.25)]!;
}

export function describeEnumeration(directoryName: string, makeFixture: () => DirectoryFixture): void {
  describe(`enumeration on ${directoryName}`, () => {
    const fixture = makeFixture();
    afterAll(() => fixture.close());

    async function enrolledUser(engine: FlowEngine): Promise<string> {
      const user = await fixture.createUser();
      await enrollThrough(engine, user.name, user.password, Date.now);
      return user.name;
    }

    it('shows an unknown name and an enrolled user with wrong answers the same views and failure', async () => {
      const config = flowsConfig({ gates: { forgotPassword: ['questions', 'totp'], unlockAccount: ['questions'] } });
      const engine = createFlowEngine({ directory: fixture.adapter, store: fixture.newStore(), audit: new MemoryAuditLog(), config });
      const known = await enrolledUser(engine);
      const trails: unknown[][] = [];
      for (const name of [known, `nobody${randomBytes(4).toString('hex')}`]) {
        const trail: unknown[] = [];
        let view = await engine.start({ flow: 'forgotPassword', username: name }, kiosk);
        trail.push(shape(view));
        while (view.step === 'questions') {
          view = await engine.answerQuestions({ sessionId: view.sessionId, answers: answersFor(view, () => 'wrong answer') }, kiosk);
          trail.push(shape(view));
        }
        trail.push(shape(await engine.start({ flow: 'forgotPassword', username: name }, kiosk)));
        trails.push(trail);
      }
      expect(trails[0]).toHaveLength(5);
      expect(trails[1]).toEqual(trails[0]);
      expect(trails[0]!.at(-1)).toEqual({ step: 'failed', reason: 'lockedOut', retryable: false });
    });

    it('takes the same time for both, within the noise of the run', async () => {
      const lockout = { failuresBeforeLockout: 1000, lockoutDurationsSeconds: [60], timedLockoutsBeforePermanent: 1, failureWindowSeconds: 3600 };
      // The floor must stay above the slowest real path (directory round trips under a loaded CI machine).
      const config = flowsConfig({ lockout, minResponseMs: 300 });
      const engine = createFlowEngine({ directory: fixture.adapter, store: fixture.newStore(), audit: new MemoryAuditLog(), config });
      const known = await enrolledUser(engine);
      const unknown = `nobody${randomBytes(4).toString('hex')}`;
      const times: Record<string, number[]> = { [known]: [], [unknown]: [] };
      for (let round = 0; round < 10; round++) {
        for (const name of round % 2 ? [known, unknown] : [unknown, known]) {
          const started = performance.now();
          const view = await engine.start({ flow: 'forgotPassword', username: name }, kiosk);
          const after = await engine.answerQuestions({ sessionId: sessionOf(view), answers: answersFor(view, () => 'wrong answer') }, kiosk);
          times[name]!.push(performance.now() - started);
          expect(after.rejected).toBe('wrongAnswer');
          await engine.cancel({ sessionId: sessionOf(view) }, kiosk);
        }
      }
      const difference = Math.abs(median(times[known]!) - median(times[unknown]!));
      // The run's noise: the wider spread of the two, and never below 5% of the time taken (timer jitter).
      const overall = median([...times[known]!, ...times[unknown]!]);
      const noise = Math.max(interquartileRange(times[known]!), interquartileRange(times[unknown]!), overall * 0.05);
      console.log(`enumeration timing on ${directoryName}: known ${median(times[known]!).toFixed(1)} ms, unknown ${median(times[unknown]!).toFixed(1)} ms, noise ${noise.toFixed(1)} ms`);
      expect(difference).toBeLessThan(noise);
    });
  });
}
