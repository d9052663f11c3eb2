/**
 * Escaping for values placed into LDAP filters (RFC 4515) and DNs (RFC 4514). Everything a user types
 * reaches the directory only through these.
 */

/** Escapes a value for use inside a filter assertion: `*`, `(`, `)`, `\` and NUL become `\hh`. */
export function escapeFilterValue(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    // The RFC 4515 specials and every ASCII control are single bytes, so one `\hh` escape each.
    out += '*()\\'.includes(ch) || code < 0x20 || code === 0x7f ? '\\' + code.toString(16).padStart(2, '0') : ch;
  }
  return out;
}

/** Escapes a value for use as an attribute value in a DN (RFC 4514 section 2.4). */
export function escapeDnValue(value: string): string {
  let out = '';
  const chars = [...value];
  chars.forEach((ch, index) => {
    const first = index === 0;
    const last = index === chars.length - 1;
    if (ch === '\0') out += '\\00';
    else if (',+"\\<>;='.includes(ch)) out += '\\' + ch;
    else if (first && (ch === ' ' || ch === '#')) out += '\\' + ch;
    else if (last && ch === ' ') out += '\\ ';
    else out += ch;
  });
  return out;
}
