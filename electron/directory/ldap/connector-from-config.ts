/**
 * Builds the LdapConnector a directory configuration describes: the configured servers, or when none
 * are listed, the domain controllers found by DNS SRV with the PDC emulator first so password writes
 * land where the whole domain sees them at once.
 */
import type { DirectoryConfig } from '../config';
import { LdapConnector, type BindCredentials } from './connection';
import { discoverDomainControllers, orderForWrites, type SrvResolver } from './discovery';

export function connectorFromConfig(
  config: DirectoryConfig,
  credentials: BindCredentials | undefined = { dn: config.serviceBindDn, password: config.servicePassword },
  resolver?: SrvResolver,
): LdapConnector {
  const domain = config.discoveryDomain;
  const resolveServers = domain ? async () => orderForWrites(await discoverDomainControllers(domain, resolver)) : undefined;
  return new LdapConnector(
    {
      servers: config.servers,
      startTls: config.startTls,
      caPem: config.caPem,
      tlsServerName: config.tlsServerName,
      connectTimeoutMs: config.connectTimeoutMs,
      operationTimeoutMs: config.operationTimeoutMs,
    },
    credentials,
    resolveServers,
  );
}
