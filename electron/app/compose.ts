/**
 * The composition root: from one validated configuration to the running main side (directory adapter,
 * enrollment store, audit log, flow engine). The Electron shell, Sesame's host and the demo all start
 * from here, so every transport serves the same handlers over the same parts.
 */
import type { SesameConfiguration } from '../config/schema';
import type { DirectoryAdapter } from '../directory/adapter';
import { createDirectory } from '../directory/create-directory';
import { connectorFromConfig } from '../directory/ldap/connector-from-config';
import type { Clock } from '../flows/clock';
import { deployGates, gatesDeploymentSchema, type DeployedGates } from '../flows/deployment';
import { deployHelpdesk, type DeployedHelpdesk } from '../helpdesk/deployment';
import type { Logger } from '../logging/logger';

export interface ComposedSesame extends DeployedGates {
  directory: DirectoryAdapter;
  /** The help desk, when the configuration has a helpdesk section. */
  helpdesk?: DeployedHelpdesk;
  close(): Promise<void>;
}

const helpdeskSweepMs = 30_000;

export function composeSesame(config: SesameConfiguration, options: { logger?: Logger; clock?: Clock } = {}): ComposedSesame {
  // One service connection serves the adapter and the enrollment store: one bind, one TLS session.
  const serviceConnector = connectorFromConfig(config.directory);
  const directory = createDirectory(
    { directory: config.directory, passwordTransport: config.adapter.passwordTransport, kerberos: config.kerberos },
    serviceConnector,
  );
  const gatesConfig = gatesDeploymentSchema.parse({ flows: config.flows, auditLogPath: config.audit.path });
  const gates = deployGates({ directory, serviceConnector, config: gatesConfig, ...options });
  const helpdesk = config.helpdesk
    ? deployHelpdesk({ config: config.helpdesk, directoryConfig: config.directory, directory, serviceConnector, gates, flows: gatesConfig.flows, ...options })
    : undefined;
  // Ends idle operator sessions (and drops their binds) even when no call comes.
  const sweeper = helpdesk ? setInterval(() => void helpdesk.service.sweep().catch(() => undefined), helpdeskSweepMs) : undefined;
  sweeper?.unref();
  return {
    ...gates,
    directory,
    ...(helpdesk ? { helpdesk } : {}),
    async close() {
      if (sweeper) clearInterval(sweeper);
      await helpdesk?.service.close();
      await directory.close();
      await serviceConnector.close();
    },
  };
}
