import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDirectoryError, type DirectoryError } from '../../electron/directory/errors';
import { KerberosPasswordTransport, type KerberosConfigInput, type KerberosExchangeEvent } from '../../electron/kerberos';
import { type MitRealm, startMitKdc } from '../support/mit-kdc';

let mit: MitRealm;
let silentServer: Server;
let silentPort: number;
const hungSockets: Socket[] = [];

beforeAll(async () => {
  mit = await startMitKdc();
  // Accepts connections and never answers: a hung server.
  silentServer = createServer((socket) => hungSockets.push(socket));
  await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
  silentPort = (silentServer.address() as { port: number }).port;
});

afterAll(async () => {
  for (const socket of hungSockets) socket.destroy();
  await new Promise((resolve) => silentServer?.close(resolve));
  await mit?.stop();
});

const transport = (overrides: Partial<KerberosConfigInput> = {}, now?: () => Date) =>
  new KerberosPasswordTransport({ realm: mit.realm, kdcs: [mit.kdc], kpasswdServers: [mit.kpasswd], ...overrides }, now ? { now } : {});

let userCount = 0;
async function newUser(password: string, enctypes?: string[]): Promise<string> {
  const name = `user${++userCount}`;
  await mit.addUser(name, password, enctypes);
  return name;
}

async function failure(promise: Promise<unknown>, ...secrets: string[]): Promise<DirectoryError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isDirectoryError(error)) throw new Error(`expected a DirectoryError, got ${String(error)}`);
  for (const secret of secrets) expect(`${error.message} ${error.logMessage}`).not.toContain(secret);
  return error;
}

describe('Kerberos password change and set against MIT krb5', () => {
  it.each(['tcp', 'udp'] as const)('changes a user’s own password over %s; kinit then takes only the new one', async (protocol) => {
    const user = await newUser('Start-Pass-1');
    await transport({ transport: protocol }).changePassword(user, 'Start-Pass-1', 'Changed-Pass-2');
    expect(await mit.kinit(user, 'Changed-Pass-2')).toBe(true);
    expect(await mit.kinit(user, 'Start-Pass-1')).toBe(false);
  });

  it('changes the password of a principal that has only RFC 8009 (aes256-cts-hmac-sha384-192) keys', async () => {
    const user = await newUser('Start-Pass-1', ['aes256-cts-hmac-sha384-192']);
    await transport().changePassword(user, 'Start-Pass-1', 'Changed-Pass-2');
    expect(await mit.kinit(user, 'Changed-Pass-2')).toBe(true);
  });

  it.each(['tcp', 'udp'] as const)('sets another user’s password as an authorised admin over %s', async (protocol) => {
    const user = await newUser('Start-Pass-1');
    // The target typed with a lower-case realm, as users write it.
    await transport({ transport: protocol }).setPassword(mit.adminPrincipal, mit.adminPassword, `${user}@${mit.realm.toLowerCase()}`, 'Reset-Pass-3');
    expect(await mit.kinit(user, 'Reset-Pass-3')).toBe(true);
  });

  it('reports a too-short password as a policy error naming the rule, and leaves the password alone', async () => {
    const user = await newUser('Start-Pass-1');
    const error = await failure(transport().changePassword(user, 'Start-Pass-1', 'Sh0rt'), 'Start-Pass-1', 'Sh0rt');
    expect(error.code).toBe('passwordPolicy');
    expect(error.details.failedRules).toEqual(['minLength']);
    expect(error.logMessage).toMatch(/at least 8 characters/);
    expect(await mit.kinit(user, 'Start-Pass-1')).toBe(true);
  });

  it('reports too few character classes as a complexity failure', async () => {
    const user = await newUser('Start-Pass-1');
    const error = await failure(transport().changePassword(user, 'Start-Pass-1', 'onlylowercaseletters'));
    expect(error.code).toBe('passwordPolicy');
    expect(error.details.failedRules).toEqual(['complexity']);
  });

  it('reports a wrong current password as invalid credentials', async () => {
    const user = await newUser('Start-Pass-1');
    const error = await failure(transport().changePassword(user, 'Wrong-Pass-1', 'Changed-Pass-2'), 'Wrong-Pass-1', 'Changed-Pass-2');
    expect(error.code).toBe('invalidCredentials');
    expect(await mit.kinit(user, 'Start-Pass-1')).toBe(true);
  });

  it('reports an unknown principal, as client or as set target, as user not found', async () => {
    expect((await failure(transport().changePassword('nobody', 'Any-Pass-1', 'Changed-Pass-2'))).code).toBe('userNotFound');
    const error = await failure(transport().setPassword(mit.adminPrincipal, mit.adminPassword, 'ghost', 'Reset-Pass-3'), mit.adminPassword);
    expect(error.code).toBe('userNotFound');
  });

  it('refuses a set by a principal without the right', async () => {
    const user = await newUser('Start-Pass-1');
    const victim = await newUser('Victim-Pass-1');
    const error = await failure(transport().setPassword(user, 'Start-Pass-1', victim, 'Reset-Pass-3'));
    expect(error.code).toBe('insufficientRights');
    expect(await mit.kinit(victim, 'Victim-Pass-1')).toBe(true);
  });

  it('reports a skewed client clock as clock skew with the offset', async () => {
    const user = await newUser('Start-Pass-1');
    const hourAhead = () => new Date(Date.now() + 60 * 60 * 1000);
    const error = await failure(transport({}, hourAhead).changePassword(user, 'Start-Pass-1', 'Changed-Pass-2'));
    expect(error.code).toBe('clockSkew');
    expect(error.logMessage).toMatch(/server's clock is 36\d\d s behind/);
  });

  it('fails over from an unreachable and a hung KDC to a working one', async () => {
    const user = await newUser('Start-Pass-1');
    const closedPort = `127.0.0.1:${await closedLoopbackPort()}`;
    const hung = `127.0.0.1:${silentPort}`;
    const exchanges: KerberosExchangeEvent[] = [];
    const failingOver = new KerberosPasswordTransport(
      { realm: mit.realm, kdcs: [closedPort, hung, mit.kdc], kpasswdServers: [mit.kpasswd], requestTimeoutMs: 500 },
      { onExchange: (event) => exchanges.push(event) },
    );
    await failingOver.changePassword(user, 'Start-Pass-1', 'Changed-Pass-2');
    expect(await mit.kinit(user, 'Changed-Pass-2')).toBe(true);
    const firstRequest = exchanges.slice(0, 3).map((event) => [event.endpoint, event.outcome, event.detail ?? '']);
    expect(firstRequest).toEqual([
      [closedPort, 'failed', expect.stringMatching(/ECONNREFUSED/)],
      [hung, 'failed', expect.stringMatching(/no reply in time/)],
      [mit.kdc, 'answered', ''],
    ]);
  });

  it('reports serverUnavailable when nothing answers and timeout when servers hang', async () => {
    const closed = `127.0.0.1:${await closedLoopbackPort()}`;
    expect((await failure(transport({ kdcs: [closed] }).changePassword('anyone', 'Any-Pass-1', 'New-Pass-2'))).code).toBe('serverUnavailable');
    const hung = `127.0.0.1:${silentPort}`;
    const error = await failure(transport({ kdcs: [hung], requestTimeoutMs: 300 }).changePassword('anyone', 'Any-Pass-1', 'New-Pass-2'));
    expect(error.code).toBe('timeout');
  });
});

async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
