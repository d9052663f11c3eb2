/**
 * Looks up one key of the settings schema and describes its type, so the ADMX templates and the tests can
 * be checked against the schema instead of repeating its limits.
 */
import type { z } from 'zod';
import { configurationSettingsSchema } from './schema';

export type LeafDescription =
  | { type: 'boolean'; default?: boolean }
  | { type: 'integer'; min?: number; max?: number; default?: number }
  | { type: 'string'; default?: string }
  | { type: 'enum'; options: string[]; default?: string }
  | { type: 'list'; element: LeafDescription; default?: unknown[] };

type AnySchema = z.core.$ZodType;

function unwrap(schema: AnySchema): { inner: AnySchema; fallback?: unknown } {
  let current = schema;
  let fallback: unknown;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; defaultValue?: unknown };
    if (def.type === 'default' && def.innerType) {
      fallback ??= def.defaultValue;
      current = def.innerType;
    } else if ((def.type === 'optional' || def.type === 'nullable') && def.innerType) {
      current = def.innerType;
    } else {
      return { inner: current, fallback };
    }
  }
}

interface NumberCheck {
  check?: string;
  format?: string;
  value?: number;
  inclusive?: boolean;
}

/** Integer limits from the number's checks (`.int().positive().max(n)` and friends). */
function integerBounds(schema: AnySchema, fallback: number | undefined): LeafDescription | undefined {
  const checks = ((schema._zod.def as { checks?: { _zod: { def: NumberCheck } }[] }).checks ?? []).map((c) => c._zod.def);
  if (!checks.some((c) => c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32'))) return undefined;
  let min: number | undefined;
  let max: number | undefined;
  for (const c of checks) {
    if (c.value === undefined) continue;
    if (c.check === 'greater_than') min = Math.max(min ?? -Infinity, c.inclusive ? c.value : c.value + 1);
    if (c.check === 'less_than') max = Math.min(max ?? Infinity, c.inclusive ? c.value : c.value - 1);
  }
  return { type: 'integer', min, max, default: fallback };
}

function describeSchema(schema: AnySchema): LeafDescription | undefined {
  const { inner, fallback } = unwrap(schema);
  const def = inner._zod.def as { type: string; element?: AnySchema; entries?: Record<string, string> };
  switch (def.type) {
    case 'boolean':
      return { type: 'boolean', default: fallback as boolean | undefined };
    case 'number':
      return integerBounds(inner, fallback as number | undefined);
    case 'string':
      return { type: 'string', default: fallback as string | undefined };
    case 'enum':
      return { type: 'enum', options: Object.values(def.entries ?? {}), default: fallback as string | undefined };
    case 'array': {
      const element = def.element ? describeSchema(def.element) : undefined;
      return element ? { type: 'list', element, default: fallback as unknown[] | undefined } : undefined;
    }
    default:
      return undefined;
  }
}

/** The schema leaf at `key` (e.g. ['kiosk', 'idleTimeoutSeconds']), or undefined when there is none. */
export function describeSettingKey(key: readonly string[]): LeafDescription | undefined {
  let node: AnySchema = configurationSettingsSchema;
  for (const part of key) {
    const { inner } = unwrap(node);
    const shape = (inner as unknown as { shape?: Record<string, AnySchema> }).shape;
    const child = shape?.[part];
    if (!child) return undefined;
    node = child;
  }
  return describeSchema(node);
}
