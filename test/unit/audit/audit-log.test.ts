import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditWriteError, FileAuditLog } from '../../../electron/audit/file-audit-log';
import { createLogger } from '../../../electron/logging/logger';
import { redact } from '../../../electron/logging/redact';

const event = { kind: 'gateAttempt' as const, kioskId: 'k1', sessionId: 's1', flow: 'forgotPassword', subject: 'questions', user: 'uid=alice', outcome: 'failure' as const, reason: 'wrongAnswers' };

describe('file audit log', () => {
  it('appends one JSON line per event, in order, with the time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sesame-audit-'));
    const path = join(dir, 'audit.jsonl');
    const log = new FileAuditLog(path, () => Date.UTC(2026, 0, 1));
    await Promise.all([log.write(event), log.write({ ...event, outcome: 'success', reason: undefined }), log.write(event)]);
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ time: '2026-01-01T00:00:00.000Z', ...event });
    expect(lines[1]?.outcome).toBe('success');
  });

  it('rejects when the file cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sesame-audit-'));
    const log = new FileAuditLog(join(dir, 'missing', 'audit.jsonl'));
    await expect(log.write(event)).rejects.toBeInstanceOf(AuditWriteError);
    // A failed write does not block the next one.
    await expect(new FileAuditLog(join(dir, 'missing', 'x')).write(event)).rejects.toThrow(/not writable/);
  });
});

describe('redaction', () => {
  it('redacts secret-named fields at any depth and keeps outcome codes', () => {
    const out = redact({ password: 'p', nested: { newPassword: 'n', answers: ['a'], totpCode: '123456', secret: 's' }, code: 'invalidCredentials', reasonCode: 'x', user: 'uid=alice' });
    expect(out).toEqual({
      password: '[redacted]',
      nested: { newPassword: '[redacted]', answers: '[redacted]', totpCode: '[redacted]', secret: '[redacted]' },
      code: 'invalidCredentials',
      reasonCode: 'x',
      user: 'uid=alice',
    });
  });

  it('the logger writes structured lines with secrets redacted, bound fields kept', () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line), level: 'info', now: () => new Date(0) }).child({ kioskId: 'k1' });
    logger.debug('hidden');
    logger.info('bind failed', { dn: 'uid=alice', password: 'Secret-1', error: new Error('boom') });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({ time: '1970-01-01T00:00:00.000Z', level: 'info', message: 'bind failed', kioskId: 'k1', dn: 'uid=alice', password: '[redacted]', error: { name: 'Error', message: 'boom' } });
    expect(lines[0]).not.toContain('Secret-1');
  });
});
