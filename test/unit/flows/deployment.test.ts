import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LdapConnector } from '../../../electron/directory/ldap/connection';
import { deployGates, gatesDeploymentSchema } from '../../../electron/flows/deployment';
import { ManualClock } from '../../../electron/flows/clock';
import { FakeDirectory } from './fake-directory';
import { catalogue, kiosk, testConfig } from './harness';

describe('deployGates', () => {
  it('builds an engine that writes its audit lines durably to the configured file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sesame-gates-'));
    const flows = testConfig();
    const config = gatesDeploymentSchema.parse({ flows, auditLogPath: join(dir, 'audit.jsonl') });
    expect(config.enrollmentStore.attribute).toBe('sesameEnrollment');
    // Unknown users never touch the store, so the connector is never dialled here.
    const connector = new LdapConnector({ servers: ['ldaps://127.0.0.1:1'], startTls: false, connectTimeoutMs: 100, operationTimeoutMs: 100 });
    const { engine } = deployGates({ directory: new FakeDirectory(), serviceConnector: connector, config, clock: new ManualClock(0) });
    const view = await engine.start({ flow: 'forgotPassword', username: 'nobody' }, kiosk);
    expect(view.step).toBe('questions');
    const lines = (await readFile(config.auditLogPath, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([expect.objectContaining({ time: '1970-01-01T00:00:00.000Z', kind: 'flowStart', user: 'nobody', reason: 'userNotFound', kioskId: 'kiosk-1' })]);
  });

  it('refuses a configuration without keys or with a catalogue too small for the counts', () => {
    expect(gatesDeploymentSchema.safeParse({ flows: { catalogue }, auditLogPath: '/x' }).success).toBe(false);
    const keys = { totpSecretKey: Buffer.alloc(32).toString('base64'), decoyKey: Buffer.alloc(32).toString('base64') };
    expect(gatesDeploymentSchema.safeParse({ flows: { catalogue: catalogue.slice(0, 2), keys }, auditLogPath: '/x' }).success).toBe(false);
    expect(gatesDeploymentSchema.safeParse({ flows: { catalogue, keys }, auditLogPath: '/x' }).success).toBe(true);
    expect(gatesDeploymentSchema.safeParse({ flows: { catalogue, keys: { ...keys, decoyKey: 'c2hvcnQ=' } }, auditLogPath: '/x' }).success).toBe(false);
  });
});
