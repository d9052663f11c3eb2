/**
 * Password change and set through Kerberos (RFC 3244), with server discovery, transport choice and
 * failover. Passwords enter as strings (as the rest of the directory core takes them), are turned into
 * Buffers that are zeroed once used, and appear in no error or log text.
 */
import { DirectoryError, isDirectoryError } from '../directory/errors';
import type { SrvResolver } from '../directory/ldap/discovery';
import { Asn1DecodeError } from './asn1/der';
import { decodeKrbError, isKrbError, krbErrorCodes } from './asn1/krb-error';
import { type InitialTicket, type KdcSend, requestChangePasswordTicket } from './as-exchange';
import { type KerberosConfig, type KerberosConfigInput, kerberosConfigSchema } from './config';
import { resolveKerberosEndpoints } from './discovery';
import { KpasswdFramingError } from './kpasswd-message';
import { type KpasswdSend, runKpasswd } from './kpasswd-exchange';
import { type Endpoint, exchange, formatEndpoint, NetworkError, type Protocol } from './net';
import { parsePrincipal, type Principal } from './principal';

/** One network exchange, reported for diagnostics logs: which server answered over what (no message content). */
export interface KerberosExchangeEvent {
  service: 'kdc' | 'kpasswd';
  protocol: Protocol;
  endpoint: string;
  outcome: 'answered' | 'responseTooBig' | 'failed';
  detail?: string;
}

export interface KerberosTransportDependencies {
  /** The client's clock (injectable so tests can skew it). */
  now?: () => Date;
  onExchange?: (event: KerberosExchangeEvent) => void;
  resolver?: SrvResolver;
  random?: () => number;
}

export class KerberosPasswordTransport {
  private readonly config: KerberosConfig;
  private readonly now: () => Date;

  constructor(
    config: KerberosConfigInput,
    private readonly dependencies: KerberosTransportDependencies = {},
  ) {
    this.config = kerberosConfigSchema.parse(config);
    this.now = dependencies.now ?? (() => new Date());
  }

  /** Changes `principal`'s own password, proving identity with the current one (kpasswd version 1). */
  async changePassword(principal: string, oldPassword: string, newPassword: string): Promise<void> {
    await this.run(principal, oldPassword, newPassword);
  }

  /** Sets `targetPrincipal`'s password as `adminPrincipal`, who needs the right to (kpasswd version 0xFF80). */
  async setPassword(adminPrincipal: string, adminPassword: string, targetPrincipal: string, newPassword: string): Promise<void> {
    await this.run(adminPrincipal, adminPassword, newPassword, targetPrincipal);
  }

  private async run(principal: string, password: string, newPassword: string, targetPrincipal?: string): Promise<void> {
    if (password.length === 0 || newPassword.length === 0) throw new DirectoryError('invalidInput', 'empty password');
    const client = this.principal(principal);
    const target = targetPrincipal === undefined ? undefined : this.principal(targetPrincipal);
    const passwordBytes = Buffer.from(password, 'utf8');
    const newPasswordBytes = Buffer.from(newPassword, 'utf8');
    let ticket: InitialTicket | undefined;
    try {
      const endpoints = await resolveKerberosEndpoints(this.config, this.dependencies.resolver, this.dependencies.random);
      ticket = await requestChangePasswordTicket(client, passwordBytes, this.kdcSender(endpoints.kdcs), this.now);
      passwordBytes.fill(0);
      await runKpasswd({ ticket, newPassword: newPasswordBytes, ...(target ? { target } : {}) }, this.kpasswdSender(endpoints.kpasswdServers), this.now);
    } catch (error) {
      throw asDirectoryError(error);
    } finally {
      passwordBytes.fill(0);
      newPasswordBytes.fill(0);
      ticket?.sessionKey.value.fill(0);
    }
  }

  /** Realms are case-sensitive in Kerberos, but users type `alice@example.test`: match the configured one. */
  private principal(text: string): Principal {
    const parsed = parsePrincipal(text, this.config.realm);
    return parsed.realm.toUpperCase() === this.config.realm.toUpperCase() ? { ...parsed, realm: this.config.realm } : parsed;
  }

  private get timeouts() {
    return { connectTimeoutMs: this.config.connectTimeoutMs, requestTimeoutMs: this.config.requestTimeoutMs };
  }

  private kdcSender(kdcs: Endpoint[]): KdcSend {
    const protocol: Protocol = this.config.transport;
    return (message) =>
      firstAnswer(kdcs, 'KDC', async (endpoint) => {
        const reply = await this.traced('kdc', protocol, endpoint, () => exchange(protocol, endpoint, () => Buffer.from(message), this.timeouts));
        // An AD DC's AS reply carries a PAC too large for a datagram: the KDC says so and TCP is used.
        if (protocol === 'udp' && isKrbError(reply) && decodeKrbError(reply).errorCode === krbErrorCodes.responseTooBig) {
          this.dependencies.onExchange?.({ service: 'kdc', protocol, endpoint: formatEndpoint(endpoint), outcome: 'responseTooBig' });
          return this.traced('kdc', 'tcp', endpoint, () => exchange('tcp', endpoint, () => Buffer.from(message), this.timeouts));
        }
        return reply;
      });
  }

  private kpasswdSender(servers: Endpoint[]): KpasswdSend {
    const protocol = this.config.transport;
    return (build) =>
      firstAnswer(servers, 'kpasswd', (endpoint) =>
        this.traced('kpasswd', protocol, endpoint, () => exchange(protocol, endpoint, build, this.timeouts)),
      );
  }

  private async traced(service: 'kdc' | 'kpasswd', protocol: Protocol, endpoint: Endpoint, send: () => Promise<Buffer>): Promise<Buffer> {
    const report = this.dependencies.onExchange;
    try {
      const reply = await send();
      report?.({ service, protocol, endpoint: formatEndpoint(endpoint), outcome: 'answered' });
      return reply;
    } catch (error) {
      report?.({ service, protocol, endpoint: formatEndpoint(endpoint), outcome: 'failed', detail: (error as Error).message });
      throw error;
    }
  }
}

/** Tries servers in order; moves on only when one cannot be reached or does not answer in time. */
async function firstAnswer(endpoints: Endpoint[], service: string, attempt: (endpoint: Endpoint) => Promise<Buffer>): Promise<Buffer> {
  const failures: NetworkError[] = [];
  for (const endpoint of endpoints) {
    try {
      return await attempt(endpoint);
    } catch (error) {
      if (!(error instanceof NetworkError) || error.kind === 'malformed') throw error;
      failures.push(error);
    }
  }
  const code = failures.length > 0 && failures.every((failure) => failure.kind === 'timeout') ? 'timeout' : 'serverUnavailable';
  throw new DirectoryError(code, `no ${service} server answered: ${failures.map((failure) => failure.message).join('; ')}`);
}

function asDirectoryError(error: unknown): DirectoryError {
  if (isDirectoryError(error)) return error;
  if (error instanceof Asn1DecodeError || error instanceof KpasswdFramingError || error instanceof RangeError) {
    return new DirectoryError('protocol', `Kerberos: ${error.message}`, {}, { cause: error });
  }
  if (error instanceof NetworkError) return new DirectoryError('protocol', error.message, {}, { cause: error });
  return new DirectoryError('protocol', 'Kerberos: unexpected failure', {}, { cause: error });
}
