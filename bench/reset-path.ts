/**
 * BENCH reset_path_ratio: the directory core's resolve + state + reset-with-unlock path (as the
 * forgotPassword flow runs it) divided by the bare ldapts calls that path needs (search, read state
 * attributes, Password Modify exop, delete pwdAccountLockedTime), on the same slapd, each on an already
 * bound service connection. Both paths start every iteration from a locked account; they alternate which
 * runs first, after a warm-up, and the ratio is of the medians. Target <= 1.3.
 */
import { randomBytes } from 'node:crypto';
import { Attribute, Change, Client } from 'ldapts';
import { PasswordModifyAdapter } from '../electron/directory/password-modify/adapter';
import { encodePasswordModifyRequest, passwordModifyOid } from '../electron/directory/password-modify/password-modify-exop';
import type { SlapdInfo } from '../test/support/servers';
import { startSlapd } from '../test/support/slapd';
import { createUser, replaceAttributes, type TestUser } from '../test/support/slapd-users';
import { passwordModifyConfig } from '../test/support/slapd/password-modify-config';

const stateAttributes = ['pwdAccountLockedTime', 'pwdFailureTime', 'pwdChangedTime', 'pwdReset', 'pwdPolicySubentry'];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const freshPassword = (): string => `Bench-${randomBytes(12).toString('base64url')}`;

function generalizedTimeNow(): string {
  return `${new Date().toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, '')}Z`;
}

async function lock(info: SlapdInfo, user: TestUser): Promise<void> {
  await replaceAttributes(info, user.dn, { pwdAccountLockedTime: [generalizedTimeNow()] });
}

function isNoSuchAttribute(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 16;
}

async function barePath(client: Client, info: SlapdInfo, user: TestUser): Promise<void> {
  const { searchEntries } = await client.search(info.peopleDn, { scope: 'sub', filter: `(|(uid=${user.uid})(mail=${user.uid}))`, attributes: ['uid', 'displayName', 'mail', 'memberOf'] });
  const dn = searchEntries[0]?.dn;
  if (dn !== user.dn) throw new Error(`bare search found ${dn ?? 'nobody'}`);
  await client.search(dn, { scope: 'base', attributes: stateAttributes });
  await client.exop(passwordModifyOid, encodePasswordModifyRequest({ userIdentity: dn, newPassword: freshPassword() }));
  // slapd may already have dropped the lock with the new password; the round trip is made either way.
  await client.modify(dn, new Change({ operation: 'delete', modification: new Attribute({ type: 'pwdAccountLockedTime', values: [] }) })).catch((err: unknown) => {
    if (!isNoSuchAttribute(err)) throw err;
  });
}

async function corePath(adapter: PasswordModifyAdapter, user: TestUser): Promise<void> {
  const resolved = await adapter.resolveUser(user.uid);
  const state = await adapter.getAccountState(resolved);
  if (!state.locked) throw new Error('core path saw an unlocked account: the lock set-up did not take');
  await adapter.resetPassword(resolved, freshPassword(), { unlock: state.locked });
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function benchResetPathRatio(iterations = 200, warmUp = 20): Promise<number> {
  const slapd = await startSlapd();
  const info = slapd.info;
  const adapter = new PasswordModifyAdapter(passwordModifyConfig(info));
  const client = new Client({ url: info.ldapsUrl, tlsOptions: { ca: info.caPem } });
  try {
    await client.bind(info.serviceDn, info.servicePassword);
    const user = await createUser(info, { prefix: 'bench' });
    const core: number[] = [];
    const bare: number[] = [];
    const runCore = async () => {
      await lock(info, user);
      return timed(() => corePath(adapter, user));
    };
    const runBare = async () => {
      await lock(info, user);
      return timed(() => barePath(client, info, user));
    };
    for (let i = 0; i < warmUp; i++) {
      await runCore();
      await runBare();
    }
    for (let i = 0; i < iterations; i++) {
      // Alternating the order keeps either path from always running on a just-warmed server.
      if (i % 2 === 0) {
        core.push(await runCore());
        bare.push(await runBare());
      } else {
        bare.push(await runBare());
        core.push(await runCore());
      }
    }
    return median(core) / median(bare);
  } finally {
    await client.unbind().catch(() => undefined);
    await adapter.close();
    await slapd.stop();
  }
}
