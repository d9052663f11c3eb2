/** Layered settings: objects merge key by key, anything else (lists included) is replaced by the higher layer. */
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergeLayers(lower: Record<string, unknown>, higher: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...lower };
  for (const [key, value] of Object.entries(higher)) {
    const below = out[key];
    out[key] = isPlainObject(below) && isPlainObject(value) ? mergeLayers(below, value) : value;
  }
  return out;
}

/** The source of the value behind an issue at `key`: the layer that set it or the closest enclosing key. */
export function sourceOf(key: string, provenance: ReadonlyMap<string, string>): string {
  for (let parts = key.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const source = provenance.get(parts.join('.'));
    if (source) return source;
  }
  const inside = new Set([...provenance].filter(([k]) => k.startsWith(`${key}.`)).map(([, s]) => s));
  return inside.size > 0 ? [...inside].join(' and ') : 'defaults (not set by policy or config file)';
}
