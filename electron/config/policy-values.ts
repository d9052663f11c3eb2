/** Turns the registry values of the policy key into a partial settings object, naming every bad value. */
import { forbiddenSecretValueNames, policySettings, secretValueNamePattern } from './policy-settings';
import type { PolicySetting } from './policy-settings';
import type { ConfigProblem } from './problems';
import { policyKeyPath } from './registry/types';
import type { RegistryValue, RegistryValues } from './registry/types';

export interface PolicyLayer {
  settings: Record<string, unknown>;
  /** Dotted key -> source label, for error messages about merged values. */
  provenance: Map<string, string>;
  problems: ConfigProblem[];
  warnings: string[];
}

type Coerced = { value: unknown } | { error: string } | { unset: true };

const describe = (v: RegistryValue): string =>
  v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ' ? `${v.type} "${v.data}"` : v.type === 'REG_DWORD' ? `REG_DWORD ${v.data}` : v.type;

function listItems(v: RegistryValue): string[] | undefined {
  // An MSI writes properties as REG_SZ, so a REG_SZ separated by `;` is a list too. `[~]` also separates:
  // it is MSI's multi-string separator, left literal when it arrives inside a property's value.
  if (v.type === 'REG_MULTI_SZ') return v.data.map((s) => s.trim()).filter((s) => s !== '');
  if (v.type === 'REG_SZ') return v.data.split(/;|\[~\]/).map((s) => s.trim()).filter((s) => s !== '');
  return undefined;
}

function toInteger(v: RegistryValue | string): number | undefined {
  if (typeof v === 'string') return /^\d{1,10}$/.test(v.trim()) ? Number(v.trim()) : undefined;
  if (v.type === 'REG_DWORD') return v.data;
  if (v.type === 'REG_SZ') return toInteger(v.data);
  return undefined;
}

/** REG_EXPAND_SZ means "expand %VARIABLES% when read"; names are case-insensitive as on Windows. */
function expand(text: string, env: NodeJS.ProcessEnv): string {
  const lower = new Map(Object.entries(env).map(([k, v]) => [k.toLowerCase(), v]));
  return text.replace(/%([^%]+)%/g, (whole, name: string) => lower.get(name.toLowerCase()) ?? whole);
}

function coerce(setting: PolicySetting, raw: RegistryValue, env: NodeJS.ProcessEnv): Coerced {
  const v: RegistryValue = raw.type === 'REG_EXPAND_SZ' ? { type: 'REG_SZ', data: expand(raw.data, env) } : raw;
  // An empty string is how an MSI leaves a property unset; treat it as not configured.
  if ((v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ') && v.data.trim() === '') return { unset: true };
  switch (setting.kind) {
    case 'string':
      return v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ'
        ? { value: v.data.trim() }
        : { error: `expected REG_SZ, found ${describe(v)}` };
    case 'stringList': {
      const items = listItems(v);
      return items ? { value: items } : { error: `expected REG_MULTI_SZ (or REG_SZ separated by ;), found ${describe(v)}` };
    }
    case 'boolean': {
      const n = toInteger(v);
      return n === 0 || n === 1 ? { value: n === 1 } : { error: `expected REG_DWORD 0 or 1 (or REG_SZ "0"/"1"), found ${describe(v)}` };
    }
    case 'integer': {
      const n = toInteger(v);
      return n === undefined ? { error: `expected REG_DWORD (or a decimal REG_SZ), found ${describe(v)}` } : { value: n };
    }
    case 'integerList': {
      const numbers = listItems(v)?.map((item) => toInteger(item));
      return numbers && numbers.every((n) => n !== undefined)
        ? { value: numbers }
        : { error: `expected whole numbers in REG_MULTI_SZ (or REG_SZ separated by ;), found ${describe(v)}` };
    }
  }
}

export function setPath(target: Record<string, unknown>, key: readonly string[], value: unknown): void {
  let node = target;
  key.slice(0, -1).forEach((part) => {
    const next = node[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  });
  const last = key[key.length - 1];
  if (last !== undefined) node[last] = value;
}

export function policyLayer(values: RegistryValues, registryDescription: string, env: NodeJS.ProcessEnv = process.env): PolicyLayer {
  const layer: PolicyLayer = { settings: {}, provenance: new Map(), problems: [], warnings: [] };
  const byName = new Map(policySettings.map((p) => [p.valueName.toLowerCase(), p]));
  const forbidden = new Set(forbiddenSecretValueNames.map((n) => n.toLowerCase()));
  for (const [lowerName, { name, value }] of values) {
    const source = `policy HKLM\\${policyKeyPath}\\${name} (${registryDescription})`;
    const setting = byName.get(lowerName);
    if (!setting) {
      if (forbidden.has(lowerName) || secretValueNamePattern.test(name)) {
        layer.problems.push({
          key: name,
          source,
          message: 'secrets are never read from policy (every user can read it); remove the value and store the secret with `npm run secrets -- set <name>`',
        });
      } else {
        layer.warnings.push(`ignored unknown policy value ${source}`);
      }
      continue;
    }
    const coerced = coerce(setting, value, env);
    const key = setting.key.join('.');
    if ('error' in coerced) layer.problems.push({ key, source, message: coerced.error });
    else if ('value' in coerced) {
      setPath(layer.settings, setting.key, coerced.value);
      layer.provenance.set(key, source);
    }
  }
  return layer;
}
