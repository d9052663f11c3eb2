/** What the help desk's parts share: the kiosk's service side, the gates' context, and the sessions. */
import type { AuditEvent, AuditSink } from '../audit/audit-event';
import type { DirectoryAdapter } from '../directory/adapter';
import { administrationFor, type DirectoryAdministration } from '../directory/administration';
import type { DirectoryConfig } from '../directory/config';
import type { BindCredentials, LdapConnector } from '../directory/ldap/connection';
import { connectorFromConfig } from '../directory/ldap/connector-from-config';
import type { EnrollmentStore } from '../enrollment/store';
import { systemClock, type Clock } from '../flows/clock';
import type { FlowConfig } from '../flows/config';
import { engineContext, type EngineContext } from '../flows/engine-context';
import type { RandomPick } from '../flows/questions';
import { silentLogger, type Logger } from '../logging/logger';
import type { HelpdeskConfig } from './config';
import { OperatorSessions, type OperatorSession } from './operator-sessions';

export interface HelpdeskDeps {
  config: HelpdeskConfig;
  directoryConfig: DirectoryConfig;
  /** The kiosk's adapter on the service connection (only for the gates' context; never used to write). */
  directory: DirectoryAdapter;
  /** The kiosk's service connection: resolves operators and their groups at sign-in, nothing else. */
  serviceConnector: LdapConnector;
  /** The enrollment store the kiosks share (service connection): Sesame's own data, guarded by Sesame's rights. */
  store: EnrollmentStore;
  audit: AuditSink;
  /** The self-service flow configuration: the same gate settings verify callers. */
  flows: FlowConfig;
  /** Builds the directory adapter on a connector bound as the operator. */
  adapterFor(connector: LdapConnector): DirectoryAdapter;
  /** Builds the operator's connector; defaults to the configured servers with the operator's credentials. */
  connectorFor?(credentials: BindCredentials): LdapConnector;
  clock?: Clock;
  logger?: Logger;
  random?: RandomPick;
}

/** Who is asking: the kiosk (or web host) and its client, as for flow calls. */
export interface HelpdeskCallContext {
  kioskId: string;
  clientId: string;
  language?: string;
}

export interface HelpdeskContext {
  deps: HelpdeskDeps;
  config: HelpdeskConfig;
  clock: Clock;
  logger: Logger;
  gates: EngineContext;
  sessions: OperatorSessions;
  /** Resolves operators with the service connection. */
  serviceAdministration: DirectoryAdministration;
  connectorFor(credentials: BindCredentials): LdapConnector;
}

export function helpdeskContext(deps: HelpdeskDeps): HelpdeskContext {
  const clock = deps.clock ?? systemClock;
  const { config } = deps;
  return {
    deps,
    config,
    clock,
    logger: deps.logger ?? silentLogger,
    gates: engineContext({
      directory: deps.directory,
      store: deps.store,
      audit: deps.audit,
      config: deps.flows,
      clock,
      ...(deps.logger ? { logger: deps.logger } : {}),
      ...(deps.random ? { random: deps.random } : {}),
    }),
    sessions: new OperatorSessions(
      { idleTimeoutMs: config.idleTimeoutSeconds * 1000, lifetimeMs: config.sessionLifetimeSeconds * 1000, maxSessions: config.maxSessions },
      clock,
    ),
    serviceAdministration: administrationFor(deps.directoryConfig, deps.serviceConnector),
    connectorFor: deps.connectorFor ?? ((credentials) => connectorFromConfig(deps.directoryConfig, credentials)),
  };
}

/** One help-desk audit line, always with the operator's identity. */
export function auditHelpdesk(
  ctx: HelpdeskContext,
  session: OperatorSession,
  event: Pick<AuditEvent, 'subject' | 'user' | 'outcome'> & Partial<Pick<AuditEvent, 'reason' | 'verification'>>,
): Promise<void> {
  return ctx.deps.audit.write({ kind: 'helpdesk', kioskId: session.kioskId, operator: session.operator.dn, ...event });
}
