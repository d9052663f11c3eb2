/**
 * LDAP GeneralizedTime (RFC 4517 3.3.13) as written by slapd's ppolicy: `20261123074759Z`,
 * `20261123074759.686034Z`, and the minute-precision `000001010000Z` that marks a permanent lockout.
 */
const pattern = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{4})$/;

/** The instant, or undefined when the text is not GeneralizedTime. */
export function parseGeneralizedTime(text: string): Date | undefined {
  const match = pattern.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const millis = Math.round(Number(`0.${fraction || '0'}`) * 1000);
  let time = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const offsetMinutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5));
    time -= sign * offsetMinutes * 60_000;
  }
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** ppolicy's marker for an administrative, permanent lock (draft-behera: "000001010000Z"). */
export const permanentLockTime = '000001010000Z';

export function toGeneralizedTime(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z');
}
