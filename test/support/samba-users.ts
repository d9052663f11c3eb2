/**
 * Test set-up on the shared Samba AD DC: uniquely named users and groups, created as Administrator over
 * LDAPS (never by the code under test). sAMAccountName is at most 20 characters, so names are short.
 */
import { randomBytes } from 'node:crypto';
import { Attribute, Change, Client } from 'ldapts';
import type { SambaInfo } from './servers';

export interface SambaTestUser {
  sAMAccountName: string;
  dn: string;
  userPrincipalName: string;
  mail: string;
  displayName: string;
  password: string;
}

export interface SambaTestGroup {
  cn: string;
  dn: string;
}

export interface CreateSambaUserOptions {
  /** Defaults to a fresh random password that meets the domain policy. */
  password?: string;
  /** Group DNs the user is added to (e.g. domainAdminsDn(info) or info.longPasswordGroupDn). */
  groups?: readonly string[];
  /** Up to 5 letters, to make failures readable. */
  prefix?: string;
  displayName?: string;
  /** Defaults to <name>.mail@example.test. */
  mail?: string;
  /** Created with ACCOUNTDISABLE (userAccountControl 514). */
  disabled?: boolean;
  /** accountExpires as an AD file time (100 ns ticks since 1601). */
  accountExpires?: string;
}

let counter = 0;
function uniqueName(prefix: string): string {
  counter += 1;
  // prefix (<= 5) + 6 time + counter + 4 random: within AD's 20-character sAMAccountName limit.
  return `${prefix.slice(0, 5)}${Date.now().toString(36).slice(-6)}${counter.toString(36)}${randomBytes(2).toString('hex')}`.slice(0, 20);
}

export function randomPassword(): string {
  return `Pw-${randomBytes(9).toString('base64url')}7a`;
}

export const unicodePwd = (password: string): Buffer => Buffer.from(`"${password}"`, 'utf16le');

/** Administrator's connection over LDAPS trusting the run's CA. The caller unbinds. */
export async function adminClient(info: SambaInfo): Promise<Client> {
  const client = new Client({ url: info.ldapsUrl, tlsOptions: { ca: info.caPem, servername: info.tlsServerName } });
  await client.bind(info.adminDn, info.adminPassword);
  return client;
}

async function asAdmin<T>(info: SambaInfo, work: (client: Client) => Promise<T>): Promise<T> {
  const client = await adminClient(info);
  try {
    return await work(client);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

export const domainAdminsDn = (info: SambaInfo): string => `CN=Domain Admins,${info.usersDn}`;

export async function addToGroup(info: SambaInfo, groupDn: string, memberDn: string): Promise<void> {
  await asAdmin(info, (client) => client.modify(groupDn, new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [memberDn] }) })));
}

/** A global security group in CN=Users, optionally with members (users or groups). */
export async function createGroup(info: SambaInfo, members: readonly string[] = [], prefix = 'grp'): Promise<SambaTestGroup> {
  const cn = uniqueName(prefix);
  const dn = `CN=${cn},${info.usersDn}`;
  await asAdmin(info, async (client) => {
    await client.add(dn, { objectClass: ['top', 'group'], sAMAccountName: cn });
    for (const member of members) await client.modify(dn, new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [member] }) }));
  });
  return { cn, dn };
}

export async function createUser(info: SambaInfo, options: CreateSambaUserOptions = {}): Promise<SambaTestUser> {
  const name = uniqueName(options.prefix ?? 'user');
  const user: SambaTestUser = {
    sAMAccountName: name,
    dn: `CN=${name},${info.usersDn}`,
    userPrincipalName: `${name}@${info.realm.toLowerCase()}`,
    mail: options.mail ?? `${name}.mail@example.test`,
    displayName: options.displayName ?? `Test User ${name}`,
    password: options.password ?? randomPassword(),
  };
  await asAdmin(info, async (client) => {
    await client.add(user.dn, {
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      sAMAccountName: name,
      userPrincipalName: user.userPrincipalName,
      displayName: user.displayName,
      mail: user.mail,
      // ldapts sends Buffers as they are: unicodePwd must be the quoted password in UTF-16LE.
      unicodePwd: unicodePwd(user.password) as unknown as string,
      userAccountControl: options.disabled ? '514' : '512',
      ...(options.accountExpires ? { accountExpires: options.accountExpires } : {}),
    });
    for (const group of options.groups ?? []) {
      await client.modify(group, new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [user.dn] }) }));
    }
  });
  return user;
}

/** Replaces attributes as Administrator. */
export async function replaceAttributes(info: SambaInfo, dn: string, attributes: Record<string, string[]>): Promise<void> {
  const changes = Object.entries(attributes).map(([type, values]) => new Change({ operation: 'replace', modification: new Attribute({ type, values }) }));
  await asAdmin(info, (client) => client.modify(dn, changes));
}

/** Reads attributes (constructed ones included when named) as Administrator. */
export async function readEntry(info: SambaInfo, dn: string, attributes: string[]): Promise<Record<string, string[]>> {
  return asAdmin(info, async (client) => {
    const { searchEntries } = await client.search(dn, { scope: 'base', attributes });
    const entry = searchEntries[0];
    if (!entry) throw new Error(`no entry ${dn}`);
    const result: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(entry)) {
      if (key === 'dn') continue;
      const list = Array.isArray(value) ? value : [value];
      result[key] = list.map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v)));
    }
    return result;
  });
}

/** The relative identifier (last sub-authority of objectSid) of a user or group. */
export async function objectRid(info: SambaInfo, dn: string): Promise<number> {
  return asAdmin(info, async (client) => {
    const { searchEntries } = await client.search(dn, { scope: 'base', attributes: ['objectSid'], explicitBufferAttributes: ['objectSid'] });
    const sid = searchEntries[0]?.objectSid;
    if (!Buffer.isBuffer(sid) || sid.length < 12) throw new Error(`no objectSid on ${dn}`);
    return sid.readUInt32LE(sid.length - 4);
  });
}

/** Tries a simple bind as `dn` over LDAPS; resolves true when the DC accepted it. */
export async function canBind(info: SambaInfo, dn: string, password: string): Promise<boolean> {
  const client = new Client({ url: info.ldapsUrl, tlsOptions: { ca: info.caPem, servername: info.tlsServerName } });
  try {
    await client.bind(dn, password);
    return true;
  } catch {
    return false;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
