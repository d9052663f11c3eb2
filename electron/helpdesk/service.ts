/**
 * The help-desk service: one method per call of shared/helpdesk.ts. Operators sign in with their own
 * directory credentials; every later call acts through their session's bind, after Sesame's own check
 * of their rights. Answers are views; refusals are `refused` views, never thrown.
 */
import type { HelpdeskCall, HelpdeskRequest, HelpdeskView } from '../../shared/helpdesk';
import { AuditWriteError } from '../audit/file-audit-log';
import { isDirectoryError } from '../directory/errors';
import { isConnectionLevel } from '../directory/ldap/map-error';
import { administrationFor } from '../directory/administration';
import type { DirectoryUser } from '../directory/user';
import { EnrollmentConflictError } from '../enrollment/update';
import { enrollmentAction, resetWithGeneratedPassword, rightForAction, runAction } from './actions';
import { auditHelpdesk, helpdeskContext, type HelpdeskCallContext, type HelpdeskContext, type HelpdeskDeps } from './context';
import { inTurn, OperatorSessions, type OperatorSession } from './operator-sessions';
import { buildPanel, userSummary } from './panel';
import { allowedActions, rightsFor, type HelpdeskRight } from './rights';
import { startVerification, verifyCaller } from './verification';

export type HelpdeskService = { [C in HelpdeskCall]: (request: HelpdeskRequest<C>, call: HelpdeskCallContext) => Promise<HelpdeskView> } & {
  /** Closes expired sessions (their binds); the host may call it on a timer. */
  sweep(): Promise<void>;
  close(): Promise<void>;
};

const unavailable: HelpdeskView = { view: 'refused', reason: 'unavailable' };

function isUnavailability(err: unknown): boolean {
  return err instanceof AuditWriteError || err instanceof EnrollmentConflictError || (isDirectoryError(err) && isConnectionLevel(err));
}

async function signIn(ctx: HelpdeskContext, request: HelpdeskRequest<'helpdesk.signIn'>, call: HelpdeskCallContext): Promise<HelpdeskView> {
  const audit = (user: string, outcome: 'success' | 'failure', reason?: string) =>
    ctx.deps.audit.write({ kind: 'helpdesk', kioskId: call.kioskId, subject: 'signIn', user, outcome, ...(reason ? { reason } : {}) });
  let operator: DirectoryUser;
  try {
    operator = await ctx.serviceAdministration.resolveAccount(request.username);
  } catch (err) {
    if (!isDirectoryError(err) || isConnectionLevel(err)) throw err;
    // The typed name is not audited: people type passwords into name fields.
    await audit('(unresolved operator)', 'failure', err.code);
    return { view: 'refused', reason: 'signInFailed' };
  }
  const connector = ctx.connectorFor({ dn: operator.dn, password: request.password });
  try {
    // Binding as the operator proves the password and opens the connection their actions will use.
    await connector.withService(async () => undefined, 'operator sign-in');
  } catch (err) {
    await connector.close();
    if (!isDirectoryError(err) || isConnectionLevel(err)) throw err;
    await audit(operator.dn, 'failure', err.code);
    return { view: 'refused', reason: 'signInFailed' };
  }
  const mapping = ctx.config.rights;
  const groups = await ctx.serviceAdministration.groupsAmong(operator, mapping.map((entry) => entry.groupDn)).catch(async (err: unknown) => {
    await connector.close();
    throw err;
  });
  const rights = rightsFor(groups, mapping);
  if (rights.size === 0) {
    await connector.close();
    await audit(operator.dn, 'failure', 'noRights');
    return { view: 'refused', reason: 'notPermitted' };
  }
  const now = ctx.clock.now();
  const session: OperatorSession = {
    id: OperatorSessions.newId(),
    kioskId: call.kioskId,
    clientId: call.clientId,
    operator,
    rights,
    directory: ctx.deps.adapterFor(connector),
    administration: administrationFor(ctx.deps.directoryConfig, connector),
    connector,
    startedAt: now,
    lastActivityAt: now,
  };
  if (!(await ctx.sessions.add(session))) {
    await connector.close();
    return unavailable;
  }
  await audit(operator.dn, 'success', `rights ${allowedActions(rights).join(',')}`);
  return {
    view: 'signedIn',
    operator: {
      operatorSessionId: session.id,
      accountName: operator.accountName,
      ...(operator.displayName ? { displayName: operator.displayName } : {}),
      rights: allowedActions(rights),
      verificationMode: ctx.config.callerVerification,
      capabilities: { ...session.administration.capabilities },
    },
  };
}

export function createHelpdeskService(deps: HelpdeskDeps): HelpdeskService {
  const ctx = helpdeskContext(deps);

  /** Runs `work` for a live session of this caller that holds `right`; anything else is refused. */
  async function guarded(id: string, call: HelpdeskCallContext, right: HelpdeskRight, subject: string, work: (session: OperatorSession) => Promise<HelpdeskView>): Promise<HelpdeskView> {
    try {
      const session = await ctx.sessions.take(id, call.kioskId, call.clientId);
      if (!session) return { view: 'refused', reason: 'sessionExpired' };
      if (!session.rights.has(right)) {
        await auditHelpdesk(ctx, session, { subject, user: session.operator.dn, outcome: 'failure', reason: `notPermitted (${right})` });
        return { view: 'refused', reason: 'notPermitted' };
      }
      return await inTurn(session, () => work(session));
    } catch (err) {
      ctx.logger.error('help-desk call failed', { call: subject, errorCode: isDirectoryError(err) ? err.code : undefined, error: err });
      if (isDirectoryError(err, 'userNotFound')) return { view: 'refused', reason: 'userNotFound' };
      if (isDirectoryError(err, 'outOfScope')) return { view: 'refused', reason: 'outOfScope' };
      if (isDirectoryError(err) && !isConnectionLevel(err)) return { view: 'refused', reason: 'directoryRefused', messageKey: err.messageKey };
      if (isUnavailability(err)) return unavailable;
      throw err;
    }
  }

  /** An action on one account: the right, then the account (read with the operator's bind), then the action. */
  function action<C extends HelpdeskCall>(
    call: C,
    actionName: keyof typeof rightForAction,
    perform: (session: OperatorSession, user: DirectoryUser, request: HelpdeskRequest<C>) => () => Promise<{ temporaryPassword?: string; mustChange?: boolean } | void>,
  ) {
    return (request: HelpdeskRequest<C>, callContext: HelpdeskCallContext) => {
      const { operatorSessionId, userDn } = request as { operatorSessionId: string; userDn: string };
      return guarded(operatorSessionId, callContext, rightForAction[actionName], actionName, async (session) => {
        const { capabilities } = session.administration;
        const unsupported = (actionName === 'setPasswordNeverExpires' && !capabilities.passwordNeverExpires) || (actionName === 'setValidUntil' && !capabilities.validUntil);
        if (unsupported) return { view: 'refused', reason: 'unsupported' };
        const user = await session.administration.readUser(userDn);
        return runAction(ctx, session, user, actionName, perform(session, user, request));
      });
    };
  }

  const service: HelpdeskService = {
    'helpdesk.signIn': async (request, call) => {
      // The self-service response floor here too: an unknown name (one search) must not answer sooner than
      // a wrong password (search and bind), or sign-in timing tells which accounts exist.
      const started = performance.now();
      try {
        return await signIn(ctx, request, call);
      } catch (err) {
        ctx.logger.error('help-desk sign-in failed', { errorCode: isDirectoryError(err) ? err.code : undefined, error: err });
        if (isUnavailability(err)) return unavailable;
        throw err;
      } finally {
        const remaining = ctx.gates.config.minResponseMs - (performance.now() - started);
        if (remaining > 0) await ctx.gates.sleep(remaining);
      }
    },
    'helpdesk.signOut': async (request, call) => {
      const session = await ctx.sessions.take(request.operatorSessionId, call.kioskId, call.clientId);
      if (session) {
        await ctx.sessions.end(session.id);
        await auditHelpdesk(ctx, session, { subject: 'signOut', user: session.operator.dn, outcome: 'success' }).catch(() => undefined);
      }
      return { view: 'signedOut' };
    },
    'helpdesk.search': (request, call) =>
      guarded(request.operatorSessionId, call, 'readState', 'search', async (session) => {
        const page = await session.administration.searchUsers(request.query, request.offset, ctx.config.searchPageSize);
        return { view: 'searchResults', results: page.users.map(userSummary), ...(page.nextOffset !== undefined ? { nextOffset: page.nextOffset } : {}) };
      }),
    'helpdesk.openUser': (request, call) =>
      guarded(request.operatorSessionId, call, 'readState', 'openUser', async (session) => {
        const user = await session.administration.readUser(request.userDn);
        return { view: 'panel', panel: await buildPanel(ctx, session, user) };
      }),
    'helpdesk.startVerification': (request, call) =>
      guarded(request.operatorSessionId, call, 'readState', 'startVerification', async (session) =>
        startVerification(ctx, session, call, await session.administration.readUser(request.userDn), request.method),
      ),
    'helpdesk.verifyCaller': (request, call) =>
      guarded(request.operatorSessionId, call, 'readState', 'verifyCaller', async (session) =>
        verifyCaller(ctx, session, call, await session.administration.readUser(request.userDn), request),
      ),
    'helpdesk.resetPassword': action('helpdesk.resetPassword', 'resetPassword', (session, user, request) => () =>
      resetWithGeneratedPassword(session, user, request.mustChange ?? ctx.config.mustChangeByDefault),
    ),
    'helpdesk.unlock': action('helpdesk.unlock', 'unlock', (session, user) => () => session.directory.unlock(user)),
    'helpdesk.setPasswordNeverExpires': action('helpdesk.setPasswordNeverExpires', 'setPasswordNeverExpires', (session, user, request) => () =>
      session.administration.setPasswordNeverExpires(user, request.neverExpires),
    ),
    'helpdesk.setValidUntil': action('helpdesk.setValidUntil', 'setValidUntil', (session, user, request) => () =>
      session.administration.setValidUntil(user, request.validUntil === null ? undefined : new Date(request.validUntil)),
    ),
    'helpdesk.clearEnrollment': action('helpdesk.clearEnrollment', 'clearEnrollment', (session, user) => enrollmentAction(ctx, session, user, 'clearEnrollment')),
    'helpdesk.clearLockoutGate': action('helpdesk.clearLockoutGate', 'clearLockoutGate', (session, user) => enrollmentAction(ctx, session, user, 'clearLockoutGate')),
    sweep: async () => {
      await ctx.sessions.sweep();
    },
    close: () => ctx.sessions.closeAll(),
  };
  return service;
}
