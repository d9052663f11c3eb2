/**
 * Test set-up on the shared slapd: uniquely named users, groups and password policies, created as the
 * rootdn (never by the code under test). The cleartext userPassword given on add is hashed by ppolicy
 * (olcPPolicyHashCleartext), which also stamps pwdChangedTime, just as for a real account.
 */
import { randomBytes } from 'node:crypto';
import { Attribute, Change, Client } from 'ldapts';
import type { SlapdInfo } from './servers';

export interface TestUser {
  uid: string;
  dn: string;
  cn: string;
  displayName: string;
  mail: string;
  password: string;
}

export interface TestGroup {
  cn: string;
  dn: string;
}

export interface CreateUserOptions {
  /** Defaults to a fresh random password that meets the default policy. */
  password?: string;
  /** Group DNs the user is added to. */
  groups?: readonly string[];
  /** A pwdPolicySubentry other than the default policy. */
  policyDn?: string;
  /** Prefix of the generated uid (letters only), to make failures readable. */
  prefix?: string;
  /** Defaults to <uid>@example.test. */
  mail?: string;
}

let counter = 0;
function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}${randomBytes(3).toString('hex')}`;
}

export function randomPassword(): string {
  return `Pw-${randomBytes(9).toString('base64url')}`;
}

/** A rootdn connection over LDAPS trusting the run's CA. The caller unbinds. */
export async function adminClient(info: SlapdInfo): Promise<Client> {
  const client = new Client({ url: info.ldapsUrl, tlsOptions: { ca: info.caPem } });
  await client.bind(info.adminDn, info.adminPassword);
  return client;
}

async function asAdmin<T>(info: SlapdInfo, work: (client: Client) => Promise<T>): Promise<T> {
  const client = await adminClient(info);
  try {
    return await work(client);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

export async function createGroup(info: SlapdInfo, members: readonly string[] = [], prefix = 'grp'): Promise<TestGroup> {
  const cn = uniqueName(prefix);
  const dn = `cn=${cn},${info.groupsDn}`;
  await asAdmin(info, (client) =>
    // groupOfNames needs a member; the empty DN is the usual placeholder and names no entry.
    client.add(dn, { objectClass: ['top', 'groupOfNames'], cn, member: members.length > 0 ? [...members] : [''] }),
  );
  return { cn, dn };
}

export async function addToGroup(info: SlapdInfo, groupDn: string, memberDn: string): Promise<void> {
  await asAdmin(info, (client) =>
    client.modify(groupDn, new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [memberDn] }) })),
  );
}

export async function createUser(info: SlapdInfo, options: CreateUserOptions = {}): Promise<TestUser> {
  const uid = uniqueName(options.prefix ?? 'user');
  const user: TestUser = {
    uid,
    dn: `uid=${uid},${info.peopleDn}`,
    cn: `Test ${uid}`,
    displayName: `Test User ${uid}`,
    mail: options.mail ?? `${uid}@example.test`,
    password: options.password ?? randomPassword(),
  };
  await asAdmin(info, async (client) => {
    await client.add(user.dn, {
      objectClass: ['top', 'person', 'organizationalPerson', 'inetOrgPerson'],
      uid,
      cn: user.cn,
      sn: 'Test',
      displayName: user.displayName,
      mail: user.mail,
      userPassword: user.password,
      ...(options.policyDn ? { pwdPolicySubentry: options.policyDn } : {}),
    });
  });
  for (const group of options.groups ?? []) await addToGroup(info, group, user.dn);
  return user;
}

/** A ppolicy entry in ou=policies: the default policy's values with `overrides` applied. */
export async function createPolicy(info: SlapdInfo, overrides: Record<string, string> = {}): Promise<string> {
  const cn = uniqueName('policy');
  const dn = `cn=${cn},ou=policies,${info.baseDn}`;
  const values: Record<string, string> = {
    pwdAttribute: 'userPassword',
    pwdMinLength: '8',
    pwdInHistory: '5',
    pwdMaxFailure: '3',
    pwdLockout: 'TRUE',
    pwdLockoutDuration: '300',
    pwdMustChange: 'TRUE',
    pwdCheckQuality: '2',
    pwdAllowUserChange: 'TRUE',
    pwdMaxAge: '315360000',
    ...overrides,
  };
  await asAdmin(info, (client) => client.add(dn, { objectClass: ['organizationalRole', 'pwdPolicy'], cn, ...values }));
  return dn;
}

/** Replaces attributes as the rootdn (e.g. a permanent pwdAccountLockedTime to disable an account). */
export async function replaceAttributes(info: SlapdInfo, dn: string, attributes: Record<string, string[]>): Promise<void> {
  const changes = Object.entries(attributes).map(
    ([type, values]) => new Change({ operation: 'replace', modification: new Attribute({ type, values }) }),
  );
  await asAdmin(info, (client) => client.modify(dn, changes));
}

/** Reads attributes (operational ones included when named) as the rootdn. */
export async function readEntry(info: SlapdInfo, dn: string, attributes: string[]): Promise<Record<string, string[]>> {
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

/** Tries a simple bind as `dn` over LDAPS; resolves true when the server accepted it. */
export async function canBind(info: SlapdInfo, dn: string, password: string): Promise<boolean> {
  const client = new Client({ url: info.ldapsUrl, tlsOptions: { ca: info.caPem } });
  try {
    await client.bind(dn, password);
    return true;
  } catch {
    return false;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
