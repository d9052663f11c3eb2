import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../electron/audit/file-audit-log';
import { MemoryEnrollmentStore } from '../../../electron/enrollment/memory-store';
import { ManualClock } from '../../../electron/flows/clock';
import { createFlowEngine } from '../../../electron/flows/engine';
import { FakeDirectory } from './fake-directory';
import { kiosk, sessionOf, testConfig } from './harness';

describe('response floor', () => {
  it('pads starts and gate answers up to the floor, but not the later steps', async () => {
    const waits: number[] = [];
    const directory = new FakeDirectory();
    directory.add('alice', 'Old-pass1');
    const engine = createFlowEngine({
      directory,
      store: new MemoryEnrollmentStore(),
      audit: new MemoryAuditLog(),
      config: testConfig({ minResponseMs: 5_000, keys: { totpSecretKey: randomBytes(32).toString('base64'), decoyKey: randomBytes(32).toString('base64') } }),
      clock: new ManualClock(),
      sleep: async (ms) => void waits.push(ms),
    });
    const start = await engine.start({ flow: 'changePassword', username: 'alice' }, kiosk);
    await engine.submitCurrentPassword({ sessionId: sessionOf(start), password: 'Old-pass1' }, kiosk);
    expect(waits).toHaveLength(2);
    // The floor is far above the work done, so nearly all of it is waited out.
    expect(waits.every((ms) => ms > 4_000 && ms <= 5_000)).toBe(true);
    await engine.checkNewPassword({ sessionId: sessionOf(start), candidate: 'x' }, kiosk);
    expect(waits).toHaveLength(2);
  });
});
