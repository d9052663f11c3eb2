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
import type { Logger } from '../logging/logger';

export interface ComposedSesame extends DeployedGates {
  directory: DirectoryAdapter;
  close(): Promise<void>;
}

export function composeSesame(config: SesameConfiguration, options: { logger?: Logger; clock?: Clock } = {}): ComposedSesame {
  // One service connection serves the adapter and the enrollment store: one bind, one TLS session.
  const serviceConnector = connectorFromConfig(config.directory);
  const directory = createDirectory(
    { directory: config.directory, passwordTransport: config.adapter.passwordTransport, kerberos: config.kerberos },
    serviceConnector,
  );
  const gates = deployGates({
    directory,
    serviceConnector,
    config: gatesDeploymentSchema.parse({ flows: config.flows, auditLogPath: config.audit.path }),
    ...options,
  });
  return {
    ...gates,
    directory,
    async close() {
      await directory.close();
      await serviceConnector.close();
    },
  };
}
