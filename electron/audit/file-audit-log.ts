/**
 * The audit log: one JSON line per event appended to a file and flushed to disk (fsync) before the write
 * resolves, so an action that depends on its audit record runs only once the record is durable.
 */
import { open } from 'node:fs/promises';
import { redact } from '../logging/redact';
import type { AuditEvent, AuditSink } from './audit-event';

export class AuditWriteError extends Error {
  override readonly name = 'AuditWriteError';
}

export class FileAuditLog implements AuditSink {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly now: () => number = Date.now,
  ) {}

  write(event: AuditEvent): Promise<void> {
    // Redacted as a last guard: audit events are typed to carry no secret, but a future field could.
    const line = JSON.stringify({ time: new Date(this.now()).toISOString(), ...(redact(event) as AuditEvent) }) + '\n';
    // Serialised so concurrent events never interleave within a line.
    const written = this.queue.then(() => this.append(line));
    this.queue = written.catch(() => undefined);
    return written;
  }

  private async append(line: string): Promise<void> {
    let handle;
    try {
      handle = await open(this.path, 'a', 0o600);
      await handle.appendFile(line, 'utf8');
      await handle.sync();
    } catch (err) {
      throw new AuditWriteError(`audit log ${this.path} not writable: ${(err as NodeJS.ErrnoException).code ?? 'error'}`, { cause: err });
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }
}

/** Collects events in memory (tests, and the help-desk view of a session). */
export class MemoryAuditLog implements AuditSink {
  readonly events: AuditEvent[] = [];
  failing = false;

  async write(event: AuditEvent): Promise<void> {
    if (this.failing) throw new AuditWriteError('audit log unavailable');
    this.events.push(structuredClone(event));
  }
}
