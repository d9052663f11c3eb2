/**
 * A bounded, offset-paged subtree search below several base DNs. The server stops at offset+size+1
 * entries (its own size limit), so a broad query costs at most one page more than it shows.
 */
import type { Client, Entry } from 'ldapts';
import { escapeFilterValue } from '../ldap/escape';

export interface PagedSearch {
  baseDns: readonly string[];
  filter: string;
  attributes: string[];
  offset: number;
  pageSize: number;
}

function isCode(err: unknown, code: number): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === code;
}

/** `(&<objectFilter>(|(a=*q*)(b=*q*)...))` with the query escaped (RFC 4515). */
export function substringFilter(objectFilter: string, attributes: readonly string[], query: string): string {
  const value = escapeFilterValue(query.trim());
  const terms = [...new Set(attributes)].map((attribute) => `(${attribute}=*${value}*)`).join('');
  return `(&${objectFilter}(|${terms}))`;
}

export async function pagedSearch(client: Client, search: PagedSearch): Promise<{ entries: Entry[]; more: boolean }> {
  const wanted = search.offset + search.pageSize + 1;
  const found = new Map<string, Entry>();
  for (const baseDn of search.baseDns) {
    if (found.size >= wanted) break;
    const { searchEntries } = await client
      .search(baseDn, { scope: 'sub', filter: search.filter, attributes: search.attributes, sizeLimit: wanted - found.size })
      .catch((err: unknown) => {
        // A missing base DN holds nobody; a size limit reached still returns what was found.
        if (isCode(err, 32)) return { searchEntries: [] as Entry[] };
        throw err;
      });
    for (const entry of searchEntries) found.set(entry.dn.toLowerCase(), entry);
  }
  const all = [...found.values()];
  return { entries: all.slice(search.offset, search.offset + search.pageSize), more: all.length > search.offset + search.pageSize };
}
