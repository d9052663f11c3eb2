/**
 * Redaction at the lowest layer: any field whose name looks secret is replaced before a line is
 * serialised, however deep it sits, so a careless log call cannot leak a password, answer or code.
 */
const secretName = /pass(word|wd|phrase)?|secret|answer|otp|totp|token|code$|^code|credential|private|key$|^key|cookie|authorization/i;
// Field names that look secret but only ever hold outcome codes, never a secret.
const allowedNames = new Set(['reasonCode', 'resultCode', 'errorCode', 'adDataCode', 'code', 'kioskId', 'messageKey']);

export const redacted = '[redacted]';

export function isSecretFieldName(name: string): boolean {
  return !allowedNames.has(name) && secretName.test(name);
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[too deep]';
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `[${value.length} bytes]`;
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(value)) out[name] = isSecretFieldName(name) ? redacted : redact(field, depth + 1);
    return out;
  }
  return value;
}
