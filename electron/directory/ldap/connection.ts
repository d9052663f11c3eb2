/**
 * Opens TLS-protected LDAP connections: CA-pinned, with timeouts and failover across the configured
 * servers. The service account's bound connection is kept and reused; user binds get their own
 * short-lived connection so a user's identity never leaks into the service connection.
 */
import type { ConnectionOptions } from 'node:tls';
import { Client, type Control } from 'ldapts';
import { DirectoryError } from '../errors';
import { isConnectionLevel, toDirectoryError } from './map-error';

export interface LdapConnectionOptions {
  servers: readonly string[];
  startTls: boolean;
  caPem?: string | undefined;
  tlsServerName?: string | undefined;
  connectTimeoutMs: number;
  operationTimeoutMs: number;
}

export interface BindCredentials {
  dn: string;
  password: string;
}

/** Supplies servers when none are configured (DNS SRV discovery), in the order to try them. */
export type ServerResolver = () => Promise<readonly string[]>;

export class LdapConnector {
  private service: Client | undefined;
  private serviceConnecting: Promise<Client> | undefined;

  constructor(
    private readonly options: LdapConnectionOptions,
    private readonly serviceCredentials?: BindCredentials,
    private readonly resolveServers?: ServerResolver,
  ) {}

  private tlsOptions(): ConnectionOptions {
    return {
      minVersion: 'TLSv1.2',
      ...(this.options.caPem ? { ca: this.options.caPem } : {}),
      ...(this.options.tlsServerName ? { servername: this.options.tlsServerName } : {}),
    };
  }

  private async serverList(): Promise<readonly string[]> {
    if (this.options.servers.length > 0) return this.options.servers;
    const discovered = this.resolveServers ? await this.resolveServers() : [];
    if (discovered.length === 0) throw new DirectoryError('configuration', 'no directory server configured or discovered');
    return discovered;
  }

  private async openOne(url: string): Promise<Client> {
    const secure = url.startsWith('ldaps://');
    if (!secure && !this.options.startTls) {
      throw new DirectoryError('configuration', `refusing plain LDAP to ${url}: use ldaps:// or enable StartTLS`);
    }
    // ldapts turns any non-empty tlsOptions into TLS even for ldap:// URLs, so pass them only for ldaps.
    const client = new Client({
      url,
      connectTimeout: this.options.connectTimeoutMs,
      timeout: this.options.operationTimeoutMs,
      ...(secure ? { tlsOptions: this.tlsOptions() } : {}),
    });
    if (!secure) {
      try {
        await client.startTLS(this.tlsOptions());
      } catch (err) {
        await client.unbind().catch(() => undefined);
        throw err;
      }
    }
    return client;
  }

  /**
   * Connects and binds, trying each server in order. Only connection-level failures move on to the
   * next server; a refused bind is the answer and is thrown at once.
   */
  async bindAs(credentials: BindCredentials, controls?: Control | Control[]): Promise<Client> {
    const servers = await this.serverList();
    let lastError: DirectoryError | undefined;
    let sawUntrusted = false;
    for (const url of servers) {
      let client: Client | undefined;
      try {
        client = await this.openOne(url);
        await client.bind(credentials.dn, credentials.password, controls);
        return client;
      } catch (err) {
        await client?.unbind().catch(() => undefined);
        const error = toDirectoryError(err, `bind to ${url}`);
        if (!isConnectionLevel(error)) throw error;
        sawUntrusted ||= error.code === 'tlsUntrusted';
        lastError = error;
      }
    }
    // An untrusted certificate anywhere is the more important fact for the operator.
    if (sawUntrusted) throw new DirectoryError('tlsUntrusted', `no server presented a trusted certificate (${servers.length} tried)`);
    throw new DirectoryError('serverUnavailable', `all ${servers.length} directory servers failed; last: ${lastError?.logMessage ?? 'none'}`, {}, { cause: lastError });
  }

  private async serviceClient(): Promise<Client> {
    if (this.service?.isConnected) return this.service;
    if (!this.serviceCredentials) throw new DirectoryError('configuration', 'no service account configured');
    // Concurrent callers share one bind instead of each opening a connection.
    this.serviceConnecting ??= this.bindAs(this.serviceCredentials).finally(() => {
      this.serviceConnecting = undefined;
    });
    this.service = await this.serviceConnecting;
    return this.service;
  }

  /**
   * Runs `operation` on the reused service connection. If the connection itself failed (server gone,
   * idle timeout), it is dropped and the operation runs once more on a fresh one.
   */
  async withService<T>(operation: (client: Client) => Promise<T>, context = 'service operation'): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const client = await this.serviceClient();
      try {
        return await operation(client);
      } catch (err) {
        const error = toDirectoryError(err, context);
        if (attempt === 0 && isConnectionLevel(error)) {
          this.dropService(client);
          continue;
        }
        throw error;
      }
    }
  }

  /** Binds as a user just to prove the password, then closes that connection. */
  async verifyBind(credentials: BindCredentials, controls?: Control | Control[]): Promise<void> {
    const client = await this.bindAs(credentials, controls);
    await client.unbind().catch(() => undefined);
  }

  private dropService(client: Client): void {
    if (this.service === client) this.service = undefined;
    void client.unbind().catch(() => undefined);
  }

  async close(): Promise<void> {
    const client = this.service;
    this.service = undefined;
    await client?.unbind().catch(() => undefined);
  }
}
