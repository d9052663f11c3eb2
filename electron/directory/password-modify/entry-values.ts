/** Reading attribute values from an ldapts search entry without caring whether it gave one value or many. */
import type { Entry } from 'ldapts';

export function values(entry: Entry, attribute: string): string[] {
  // ldapts keys attributes by the name the server returned; match the requested name case-insensitively.
  const key = Object.keys(entry).find((name) => name.toLowerCase() === attribute.toLowerCase());
  const raw = key === undefined ? undefined : entry[key];
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((value) => (Buffer.isBuffer(value) ? value.toString('utf8') : String(value)));
}

export function first(entry: Entry, attribute: string): string | undefined {
  return values(entry, attribute)[0];
}

export function integer(entry: Entry, attribute: string): number | undefined {
  const text = first(entry, attribute);
  if (text === undefined || !/^-?\d+$/.test(text)) return undefined;
  return Number(text);
}

export function bool(entry: Entry, attribute: string): boolean | undefined {
  const text = first(entry, attribute)?.toUpperCase();
  return text === 'TRUE' ? true : text === 'FALSE' ? false : undefined;
}
