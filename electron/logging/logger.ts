/** Structured application logger: one JSON object per line, secrets redacted before serialisation. */
import { redact } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const levelOrder: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  /** Receives each finished line (no newline). Defaults to stderr. */
  write?: (line: string) => void;
  level?: LogLevel;
  now?: () => Date;
}

export function createLogger(options: LoggerOptions = {}, bound: Record<string, unknown> = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const threshold = levelOrder[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());
  const log = (level: LogLevel, message: string, fields: Record<string, unknown> = {}) => {
    if (levelOrder[level] < threshold) return;
    const entry = redact({ ...bound, ...fields }) as Record<string, unknown>;
    write(JSON.stringify({ time: now().toISOString(), level, message, ...entry }));
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}

/** For tests and for callers that do not log. */
export const silentLogger: Logger = createLogger({ write: () => undefined });
