/** The machine config file: JSON with the settings shape; secrets are refused here as in policy. */
import { readFile } from 'node:fs/promises';
import type { ConfigProblem } from './problems';

export interface FileLayer {
  settings: Record<string, unknown>;
  provenance: Map<string, string>;
  problems: ConfigProblem[];
  warnings: string[];
}

const secretKeys = ['directory.servicePassword', 'flows.keys'];

function recordLeaves(value: unknown, prefix: string[], source: string, into: Map<string, string>): void {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) recordLeaves(v, [...prefix, k], source, into);
  } else if (prefix.length > 0) {
    into.set(prefix.join('.'), source);
  }
}

export async function fileLayer(path: string | undefined): Promise<FileLayer> {
  const layer: FileLayer = { settings: {}, provenance: new Map(), problems: [], warnings: [] };
  if (path === undefined) return layer;
  const source = `config file ${path}`;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      layer.warnings.push(`no ${source}; using policy and defaults`);
      return layer;
    }
    layer.problems.push({ key: '(file)', source, message: `cannot be read: ${(error as Error).message}` });
    return layer;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    layer.problems.push({ key: '(file)', source, message: `is not valid JSON: ${(error as Error).message}` });
    return layer;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    layer.problems.push({ key: '(file)', source, message: 'must hold a JSON object with the configuration sections' });
    return layer;
  }
  recordLeaves(parsed, [], source, layer.provenance);
  for (const secretKey of secretKeys) {
    if ([...layer.provenance.keys()].some((k) => k === secretKey || k.startsWith(`${secretKey}.`))) {
      layer.problems.push({ key: secretKey, source, message: 'secrets are never read from the config file; store them with `npm run secrets -- set <name>`' });
    }
  }
  layer.settings = parsed as Record<string, unknown>;
  return layer;
}
