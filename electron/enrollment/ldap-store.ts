/**
 * Enrollment records in the directory, on the user's own entry, in one configurable single-valued
 * attribute written with the service account. A swap is ONE modify request (delete the exact old value,
 * add the new one), which the server applies atomically: if another kiosk changed the value meanwhile the
 * delete finds nothing to delete and the whole request is refused, so no update is ever lost.
 */
import { Attribute, Change } from 'ldapts';
import { DirectoryError } from '../directory/errors';
import type { LdapConnector } from '../directory/ldap/connection';
import type { DirectoryUser } from '../directory/user';
import { decodeRecord, encodeRecord } from './codec';
import type { EnrollmentRecord } from './record';
import type { EnrollmentStore, StoredEnrollment } from './store';

export interface LdapEnrollmentStoreOptions {
  /** e.g. 'sesameEnrollment' (OpenLDAP, schema shipped in electron/enrollment/schema) or an AD attribute. */
  attribute: string;
  /** Auxiliary class that allows the attribute, added to the entry on first write (OpenLDAP schema). */
  auxiliaryClass?: string;
}

/** Result codes a raced swap produces: value to delete gone (16), value or single value already there (20, 19). */
const raceCodes = new Set([16, 19, 20]);

interface EntryView {
  value: string | undefined;
  hasAuxiliaryClass: boolean;
}

function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  return Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
}

export class LdapEnrollmentStore implements EnrollmentStore {
  constructor(
    private readonly connector: LdapConnector,
    private readonly options: LdapEnrollmentStoreOptions,
  ) {
    if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(options.attribute)) throw new DirectoryError('configuration', 'invalid enrollment attribute name');
  }

  private async entry(user: DirectoryUser): Promise<EntryView> {
    const { attribute, auxiliaryClass } = this.options;
    return this.connector.withService(async (client) => {
      const { searchEntries } = await client.search(user.dn, {
        scope: 'base',
        filter: '(objectClass=*)',
        attributes: auxiliaryClass ? [attribute, 'objectClass'] : [attribute],
      });
      const found = searchEntries[0];
      if (!found) throw new DirectoryError('userNotFound', 'enrollment: entry vanished');
      // Attribute names come back in the server's case.
      const key = Object.keys(found).find((name) => name.toLowerCase() === attribute.toLowerCase());
      const classes = ([] as unknown[]).concat(found['objectClass'] ?? []).map((c) => String(c).toLowerCase());
      return {
        value: key ? firstString(found[key]) : undefined,
        hasAuxiliaryClass: auxiliaryClass !== undefined && classes.includes(auxiliaryClass.toLowerCase()),
      };
    }, 'read enrollment');
  }

  async read(user: DirectoryUser): Promise<StoredEnrollment | undefined> {
    const { value } = await this.entry(user);
    return value === undefined ? undefined : { record: decodeRecord(value), rawValue: value };
  }

  async compareAndSwap(user: DirectoryUser, expectedRaw: string | undefined, newRecord: EnrollmentRecord | undefined): Promise<boolean> {
    const { attribute, auxiliaryClass } = this.options;
    const changes: Change[] = [];
    if (expectedRaw !== undefined) {
      changes.push(new Change({ operation: 'delete', modification: new Attribute({ type: attribute, values: [expectedRaw] }) }));
    }
    if (newRecord !== undefined) {
      if (auxiliaryClass && expectedRaw === undefined && !(await this.entry(user)).hasAuxiliaryClass) {
        changes.push(new Change({ operation: 'add', modification: new Attribute({ type: 'objectClass', values: [auxiliaryClass] }) }));
      }
      changes.push(new Change({ operation: 'add', modification: new Attribute({ type: attribute, values: [encodeRecord(newRecord)] }) }));
    }
    if (changes.length === 0) return (await this.entry(user)).value === undefined;
    try {
      await this.connector.withService((client) => client.modify(user.dn, changes), 'swap enrollment');
      return true;
    } catch (err) {
      if (!(err instanceof DirectoryError) || !raceCodes.has(err.details.resultCode ?? -1)) throw err;
      // Refused: a race only if the stored value really moved on; otherwise the refusal is real (too long...).
      const now = (await this.entry(user)).value;
      if (now !== expectedRaw) return false;
      throw err;
    }
  }
}
