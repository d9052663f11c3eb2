/**
 * The help-desk integration suite, run against each real directory: operators sign in with their own
 * accounts, every write is made with their bind (the directory's delegation must allow it), rights come
 * from nested groups, and callers are verified with the self-service gates' code against the shared store.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { HelpdeskView } from '../../shared/helpdesk';
import { MemoryAuditLog } from '../../electron/audit/file-audit-log';
import type { DirectoryAdapter } from '../../electron/directory/adapter';
import type { DirectoryConfig } from '../../electron/directory/config';
import type { LdapConnector } from '../../electron/directory/ldap/connection';
import type { EnrollmentStore } from '../../electron/enrollment/store';
import { ManualClock } from '../../electron/flows/clock';
import { createFlowEngine } from '../../electron/flows/engine';
import { helpdeskConfigSchema, type HelpdeskConfigInput } from '../../electron/helpdesk/config';
import { createHelpdeskService } from '../../electron/helpdesk/service';
import { helpdeskRights } from '../../electron/helpdesk/rights';
import { answersById, codeAt, secretFromUri, sessionOf } from '../unit/flows/harness';
import { flowsConfig } from './flows-suite';

export interface Account {
  name: string;
  dn: string;
  password: string;
}

export interface HelpdeskFixture {
  directoryConfig: DirectoryConfig;
  /** The kiosk's service side. */
  serviceConnector: LdapConnector;
  serviceAdapter: DirectoryAdapter;
  store: EnrollmentStore;
  adapterFor(connector: LdapConnector): DirectoryAdapter;
  /** A caller; `searchTag` (letters and digits) makes it findable by a search for the tag. */
  createUser(searchTag?: string): Promise<Account>;
  /** An operator whose directory delegation allows every help-desk write. */
  createFullOperator(): Promise<Account>;
  /** An operator with read access only. */
  createReadOnlyOperator(): Promise<Account>;
  /** A group (nesting the full operators' group) that configuration maps to every right. */
  fullRightsGroupDn(): Promise<string>;
  readOnlyGroupDn: string;
  canBind(dn: string, password: string): Promise<boolean>;
  lockoutThreshold: number;
  close(): Promise<void>;
}

const call = { kioskId: 'helpdesk-desk', clientId: 'operator-browser' };

function expectView<V extends HelpdeskView['view']>(view: HelpdeskView, kind: V): Extract<HelpdeskView, { view: V }> {
  if (view.view !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(view)}`);
  return view as Extract<HelpdeskView, { view: V }>;
}

export function describeHelpdesk(directoryName: string, makeFixture: () => HelpdeskFixture): void {
  describe(`help desk on ${directoryName}`, () => {
    const fixture = makeFixture();
    const clock = new ManualClock(Date.now());
    afterAll(() => fixture.close());

    async function setup(overrides: Partial<HelpdeskConfigInput> = {}, lockout?: Parameters<typeof flowsConfig>[0]) {
      const flows = flowsConfig(lockout);
      const audit = new MemoryAuditLog();
      const config = helpdeskConfigSchema.parse({
        rights: [
          { groupDn: await fixture.fullRightsGroupDn(), rights: [...helpdeskRights] },
          { groupDn: fixture.readOnlyGroupDn, rights: ['readState'] },
        ],
        callerVerification: 'either',
        ...overrides,
      });
      const deps = {
        config,
        directoryConfig: fixture.directoryConfig,
        directory: fixture.serviceAdapter,
        serviceConnector: fixture.serviceConnector,
        store: fixture.store,
        audit,
        flows,
        adapterFor: fixture.adapterFor,
        clock,
      };
      const service = createHelpdeskService(deps);
      const engine = createFlowEngine({ directory: fixture.serviceAdapter, store: fixture.store, audit: new MemoryAuditLog(), config: flows, clock });
      return { service, engine, audit };
    }

    async function enroll(engine: ReturnType<typeof createFlowEngine>, user: Account): Promise<string> {
      const kiosk = { kioskId: 'kiosk-a', clientId: 'client-a' };
      const sessionId = sessionOf(await engine.start({ flow: 'enroll', username: user.name }, kiosk));
      const offered = await engine.submitCurrentPassword({ sessionId, password: user.password }, kiosk);
      if (offered.step !== 'enrollQuestions') throw new Error(`enroll: ${JSON.stringify(offered)}`);
      const answers = offered.catalogue.slice(0, 3).map((q) => ({ questionId: q.id, answer: answersById[q.id]! }));
      const totp = await engine.enrollQuestions({ sessionId, answers }, kiosk);
      if (totp.step !== 'enrollTotp') throw new Error(`enroll: ${JSON.stringify(totp)}`);
      const secret = secretFromUri(totp.otpauthUri);
      expect(await engine.confirmTotpEnrollment({ sessionId, code: await codeAt(secret, clock.now()) }, kiosk)).toEqual({ step: 'done', outcome: 'enrolled' });
      return secret;
    }

    async function signIn(service: ReturnType<typeof createHelpdeskService>, operator: Account) {
      return expectView(await service['helpdesk.signIn']({ username: operator.name, password: operator.password }, call), 'signedIn').operator;
    }

    async function lock(user: Account) {
      for (let i = 0; i < fixture.lockoutThreshold; i++) await fixture.canBind(user.dn, 'Wrong-password-1');
    }

    it('full operator: finds a locked user, verifies the caller by TOTP, unlocks, resets with a generated password that must be changed', async () => {
      const { service, engine, audit } = await setup();
      const user = await fixture.createUser();
      const secret = await enroll(engine, user);
      await lock(user);
      const operator = await fixture.createFullOperator();
      const signedIn = await signIn(service, operator);
      expect([...signedIn.rights].sort()).toEqual([...helpdeskRights].sort());
      const operatorSessionId = signedIn.operatorSessionId;

      const found = expectView(await service['helpdesk.search']({ operatorSessionId, query: user.name.slice(0, -2), offset: 0 }, call), 'searchResults');
      const hit = found.results.find((result) => result.accountName.toLowerCase() === user.name.toLowerCase());
      expect(hit?.dn.toLowerCase()).toBe(user.dn.toLowerCase());
      const userDn = hit!.dn;

      const panel = expectView(await service['helpdesk.openUser']({ operatorSessionId, userDn }, call), 'panel').panel;
      expect(panel.state.locked).toBe(true);
      expect(panel.state.failureCount).toBe(fixture.lockoutThreshold);
      expect(Date.parse(panel.state.passwordChangedAt ?? '')).toBeGreaterThan(Date.now() - 3_600_000);
      expect(panel.enrollment).toMatchObject({ enrolled: true, totp: true, answers: 3, lockoutGate: { state: 'open', failures: 0 } });
      expect(panel.verification).toMatchObject({ required: true, verified: false, available: ['answers', 'totp'] });
      expect(panel.allowedActions).toEqual(expect.arrayContaining(['resetPassword', 'unlock', 'setValidUntil', 'clearEnrollment', 'clearLockoutGate']));

      // No action before the caller is verified.
      expect(await service['helpdesk.unlock']({ operatorSessionId, userDn }, call)).toMatchObject({ view: 'refused', reason: 'notVerified' });

      // A wrong code counts toward the caller's lockout gate.
      clock.advance(30_000);
      expect(expectView(await service['helpdesk.startVerification']({ operatorSessionId, userDn, method: 'totp' }, call), 'challenge').questions).toEqual([]);
      const wrong = await service['helpdesk.verifyCaller']({ operatorSessionId, userDn, code: '000000' === (await codeAt(secret, clock.now())) ? '111111' : '000000' }, call);
      expect(wrong).toMatchObject({ view: 'refused', reason: 'verificationFailed', panel: { enrollment: { lockoutGate: { failures: 1 } } } });

      expectView(await service['helpdesk.startVerification']({ operatorSessionId, userDn, method: 'totp' }, call), 'challenge');
      const verified = expectView(await service['helpdesk.verifyCaller']({ operatorSessionId, userDn, code: await codeAt(secret, clock.now()) }, call), 'panel');
      expect(verified.panel.verification).toMatchObject({ verified: true, method: 'totp' });
      expect(verified.panel.enrollment.lockoutGate.failures).toBe(0);

      const unlocked = expectView(await service['helpdesk.unlock']({ operatorSessionId, userDn }, call), 'panel');
      expect(unlocked.panel.state.locked).toBe(false);
      expect(await fixture.canBind(user.dn, user.password)).toBe(true);

      const reset = expectView(await service['helpdesk.resetPassword']({ operatorSessionId, userDn }, call), 'passwordReset');
      expect(reset.mustChange).toBe(true);
      expect(reset.panel.state.mustChange).toBe(true);
      expect(reset.temporaryPassword.length).toBeGreaterThanOrEqual(14);
      const resolved = await fixture.serviceAdapter.resolveUser(user.name);
      await expect(fixture.serviceAdapter.verifyPassword(resolved, reset.temporaryPassword)).rejects.toMatchObject({ code: 'passwordMustChange' });
      expect(await fixture.canBind(user.dn, user.password)).toBe(false);

      // Audited with the operator and the verification used; the generated password is in no record.
      const actions = audit.events.filter((event) => event.outcome === 'success' && (event.subject === 'unlock' || event.subject === 'resetPassword'));
      expect(actions.map((event) => [event.subject, event.operator?.toLowerCase(), event.verification])).toEqual([
        ['unlock', operator.dn.toLowerCase(), 'totp'],
        ['resetPassword', operator.dn.toLowerCase(), 'totp'],
      ]);
      expect(JSON.stringify(audit.events)).not.toContain(reset.temporaryPassword);
      expect(JSON.stringify(audit.events)).not.toContain(operator.password);

      // The operator may choose no change at next logon: the user then signs in with the password as given.
      const plain = expectView(await service['helpdesk.resetPassword']({ operatorSessionId, userDn, mustChange: false }, call), 'passwordReset');
      expect(plain.panel.state.mustChange).toBe(false);
      await expect(fixture.serviceAdapter.verifyPassword(resolved, plain.temporaryPassword)).resolves.toBeUndefined();
      await service.close();
    });

    it('read-only operator: sees the panel but reset and unlock are refused on the main side, even called directly', async () => {
      const { service, engine, audit } = await setup({ callerVerification: 'none' });
      const user = await fixture.createUser();
      await enroll(engine, user);
      await lock(user);
      const operator = await fixture.createReadOnlyOperator();
      const signedIn = await signIn(service, operator);
      expect(signedIn.rights).toEqual(['readState']);
      const { operatorSessionId } = signedIn;
      const panel = expectView(await service['helpdesk.openUser']({ operatorSessionId, userDn: user.dn }, call), 'panel').panel;
      expect(panel.state.locked).toBe(true);
      expect(panel.allowedActions).toEqual([]);

      for (const forged of [
        () => service['helpdesk.unlock']({ operatorSessionId, userDn: user.dn }, call),
        () => service['helpdesk.resetPassword']({ operatorSessionId, userDn: user.dn }, call),
        () => service['helpdesk.clearLockoutGate']({ operatorSessionId, userDn: user.dn }, call),
        () => service['helpdesk.setValidUntil']({ operatorSessionId, userDn: user.dn, validUntil: null }, call),
      ]) {
        expect(await forged()).toEqual({ view: 'refused', reason: 'notPermitted' });
      }
      const after = expectView(await service['helpdesk.openUser']({ operatorSessionId, userDn: user.dn }, call), 'panel').panel;
      expect(after.state.locked).toBe(true);
      expect(audit.events.filter((event) => event.reason?.startsWith('notPermitted')).length).toBe(4);
      await service.close();
    });

    it('the directory refuses a read-only operator too: the writes are made with their own bind', async () => {
      const user = await fixture.createUser();
      await lock(user);
      const operator = await fixture.createReadOnlyOperator();
      const { connectorFromConfig } = await import('../../electron/directory/ldap/connector-from-config');
      const connector = connectorFromConfig(fixture.directoryConfig, { dn: operator.dn, password: operator.password });
      const asOperator = fixture.adapterFor(connector);
      try {
        const resolved = await fixture.serviceAdapter.resolveUser(user.name);
        await expect(asOperator.unlock(resolved)).rejects.toMatchObject({ code: 'insufficientRights' });
        expect((await fixture.serviceAdapter.getAccountState(resolved)).locked).toBe(true);
      } finally {
        await asOperator.close();
        await connector.close();
      }
    });

    it('sign-in: wrong password and operators without rights are refused; a session answers only its client and ends at sign-out', async () => {
      const { service } = await setup();
      const operator = await fixture.createFullOperator();
      expect(await service['helpdesk.signIn']({ username: operator.name, password: 'Not-the-password-1' }, call)).toEqual({ view: 'refused', reason: 'signInFailed' });
      expect(await service['helpdesk.signIn']({ username: `nobody${randomBytes(4).toString('hex')}`, password: 'Whatever-1' }, call)).toEqual({ view: 'refused', reason: 'signInFailed' });
      const plainUser = await fixture.createUser();
      expect(await service['helpdesk.signIn']({ username: plainUser.name, password: plainUser.password }, call)).toEqual({ view: 'refused', reason: 'notPermitted' });

      const { operatorSessionId } = await signIn(service, operator);
      const other = { ...call, clientId: 'someone-else' };
      expect(await service['helpdesk.search']({ operatorSessionId, query: 'x', offset: 0 }, other)).toEqual({ view: 'refused', reason: 'sessionExpired' });
      expect(await service['helpdesk.signOut']({ operatorSessionId }, call)).toEqual({ view: 'signedOut' });
      expect(await service['helpdesk.search']({ operatorSessionId, query: 'x', offset: 0 }, call)).toEqual({ view: 'refused', reason: 'sessionExpired' });

      const again = await signIn(service, operator);
      clock.advance(16 * 60_000);
      expect(await service['helpdesk.search']({ operatorSessionId: again.operatorSessionId, query: 'x', offset: 0 }, call)).toEqual({ view: 'refused', reason: 'sessionExpired' });
      await service.close();
    });

    it('search: escaped, bounded, paged with an offset', async () => {
      const { service } = await setup({ searchPageSize: 2 });
      const prefix = `srch${randomBytes(3).toString('hex')}`;
      const users = [await fixture.createUser(prefix), await fixture.createUser(prefix), await fixture.createUser(prefix)];
      const { operatorSessionId } = await signIn(service, await fixture.createFullOperator());
      const first = expectView(await service['helpdesk.search']({ operatorSessionId, query: prefix, offset: 0 }, call), 'searchResults');
      expect(first.results).toHaveLength(2);
      expect(first.nextOffset).toBe(2);
      const second = expectView(await service['helpdesk.search']({ operatorSessionId, query: prefix, offset: 2 }, call), 'searchResults');
      expect(second.results).toHaveLength(1);
      expect(second.nextOffset).toBeUndefined();
      expect([...first.results, ...second.results].map((r) => r.dn.toLowerCase()).sort()).toEqual(users.map((u) => u.dn.toLowerCase()).sort());
      // Filter syntax typed by an operator is a literal: it matches nothing instead of everything.
      expect(expectView(await service['helpdesk.search']({ operatorSessionId, query: `${prefix}*)(uid=*`, offset: 0 }, call), 'searchResults').results).toEqual([]);
      expect(expectView(await service['helpdesk.search']({ operatorSessionId, query: '*', offset: 0 }, call), 'searchResults').results).toEqual([]);
      await service.close();
    });

    it('metadata: valid-until and password-never-expires where the directory supports them', async () => {
      const { service } = await setup({ callerVerification: 'none' });
      const user = await fixture.createUser();
      const signedIn = await signIn(service, await fixture.createFullOperator());
      const { operatorSessionId } = signedIn;
      const until = new Date(Date.now() + 30 * 86_400_000);
      until.setUTCMilliseconds(0);
      const set = expectView(await service['helpdesk.setValidUntil']({ operatorSessionId, userDn: user.dn, validUntil: until.toISOString() }, call), 'panel');
      expect(set.panel.state.validUntil).toBe(until.toISOString());
      const cleared = expectView(await service['helpdesk.setValidUntil']({ operatorSessionId, userDn: user.dn, validUntil: null }, call), 'panel');
      expect(cleared.panel.state.validUntil).toBeUndefined();
      const past = expectView(await service['helpdesk.setValidUntil']({ operatorSessionId, userDn: user.dn, validUntil: new Date(Date.now() - 86_400_000).toISOString() }, call), 'panel');
      expect(past.panel.state.accountExpired).toBe(true);
      expect(await fixture.canBind(user.dn, user.password)).toBe(false);
      expectView(await service['helpdesk.setValidUntil']({ operatorSessionId, userDn: user.dn, validUntil: null }, call), 'panel');
      expect(await fixture.canBind(user.dn, user.password)).toBe(true);

      if (signedIn.capabilities.passwordNeverExpires) {
        const never = expectView(await service['helpdesk.setPasswordNeverExpires']({ operatorSessionId, userDn: user.dn, neverExpires: true }, call), 'panel');
        expect(never.panel.state.passwordNeverExpires).toBe(true);
        const expires = expectView(await service['helpdesk.setPasswordNeverExpires']({ operatorSessionId, userDn: user.dn, neverExpires: false }, call), 'panel');
        expect(expires.panel.state.passwordNeverExpires).toBe(false);
      } else {
        expect(await service['helpdesk.setPasswordNeverExpires']({ operatorSessionId, userDn: user.dn, neverExpires: true }, call)).toEqual({ view: 'refused', reason: 'unsupported' });
      }
      await service.close();
    });

    it('a permanently closed lockout gate refuses verification; the operator reopens it, then clears the enrollment after verifying by answers', async () => {
      const lockout = { failuresBeforeLockout: 2, lockoutDurationsSeconds: [60], timedLockoutsBeforePermanent: 0, failureWindowSeconds: 3600 };
      const { service, engine } = await setup({}, { lockout });
      const user = await fixture.createUser();
      await enroll(engine, user);
      const { operatorSessionId } = await signIn(service, await fixture.createFullOperator());
      const userDn = user.dn;
      for (let i = 0; i < 2; i++) {
        const challenge = expectView(await service['helpdesk.startVerification']({ operatorSessionId, userDn, method: 'answers' }, call), 'challenge');
        expect(challenge.questions).toHaveLength(2);
        await service['helpdesk.verifyCaller']({ operatorSessionId, userDn, answers: challenge.questions.map((q) => ({ questionId: q.id, answer: 'wrong answer' })) }, call);
      }
      const locked = await service['helpdesk.startVerification']({ operatorSessionId, userDn, method: 'answers' }, call);
      expect(locked).toMatchObject({ view: 'refused', reason: 'lockedOut', panel: { enrollment: { lockoutGate: { state: 'permanentLockout' } } } });
      // Clearing enrollment still needs a verified caller; reopening the gate does not.
      expect(await service['helpdesk.clearEnrollment']({ operatorSessionId, userDn }, call)).toMatchObject({ view: 'refused', reason: 'notVerified' });
      const reopened = expectView(await service['helpdesk.clearLockoutGate']({ operatorSessionId, userDn }, call), 'panel');
      expect(reopened.panel.enrollment.lockoutGate).toEqual({ state: 'open', failures: 0 });

      const challenge = expectView(await service['helpdesk.startVerification']({ operatorSessionId, userDn, method: 'answers' }, call), 'challenge');
      const answers = challenge.questions.map((q) => ({ questionId: q.id, answer: answersById[q.id]! }));
      expect(JSON.stringify(challenge)).not.toContain(answers[0]!.answer);
      expectView(await service['helpdesk.verifyCaller']({ operatorSessionId, userDn, answers }, call), 'panel');
      const cleared = expectView(await service['helpdesk.clearEnrollment']({ operatorSessionId, userDn }, call), 'panel');
      expect(cleared.panel.enrollment.enrolled).toBe(false);
      expect(await fixture.store.read(await fixture.serviceAdapter.resolveUser(user.name))).toBeUndefined();
      await service.close();
    });
  });
}
