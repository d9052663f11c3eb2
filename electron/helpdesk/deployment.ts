/**
 * Wires the help desk for a deployment, beside the kiosk's gates: the same enrollment store and audit log
 * (so clearing a lockout gate acts on what the kiosks read), the same flow configuration (so callers are
 * verified like at the kiosk), and per operator an adapter of the configured kind on the operator's bind.
 */
import type { DirectoryAdapter } from '../directory/adapter';
import { ActiveDirectoryAdapter } from '../directory/active-directory/adapter';
import type { DirectoryConfig } from '../directory/config';
import type { LdapConnector } from '../directory/ldap/connection';
import { PasswordModifyAdapter } from '../directory/password-modify/adapter';
import type { Clock } from '../flows/clock';
import type { FlowConfig } from '../flows/config';
import type { DeployedGates } from '../flows/deployment';
import type { Logger } from '../logging/logger';
import type { HelpdeskConfig } from './config';
import { createHelpdeskHandlers, type HelpdeskHandlers } from './handlers';
import { createHelpdeskService, type HelpdeskService } from './service';

/** The adapter of the configured kind, bound with whatever credentials `connector` carries. */
export function adapterOnConnector(config: DirectoryConfig, connector: LdapConnector): DirectoryAdapter {
  return config.kind === 'activeDirectory' ? new ActiveDirectoryAdapter(config, connector) : new PasswordModifyAdapter(config, connector);
}

export interface DeployedHelpdesk {
  service: HelpdeskService;
  handlers: HelpdeskHandlers;
}

export function deployHelpdesk(options: {
  config: HelpdeskConfig;
  directoryConfig: DirectoryConfig;
  /** The kiosk's adapter and service connection (deployGates' inputs). */
  directory: DirectoryAdapter;
  serviceConnector: LdapConnector;
  gates: DeployedGates;
  flows: FlowConfig;
  logger?: Logger;
  clock?: Clock;
}): DeployedHelpdesk {
  const service = createHelpdeskService({
    config: options.config,
    directoryConfig: options.directoryConfig,
    directory: options.directory,
    serviceConnector: options.serviceConnector,
    store: options.gates.store,
    audit: options.gates.audit,
    flows: options.flows,
    adapterFor: (connector) => adapterOnConnector(options.directoryConfig, connector),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return { service, handlers: createHelpdeskHandlers(service) };
}
