/**
 * One request/reply exchange with a Kerberos server over TCP (4-byte big-endian length prefix,
 * RFC 4120 §7.2.2, also used by kpasswd servers) or UDP (one datagram each way). The message is built
 * by a callback once the socket is connected, because KRB-PRIV carries the sender's own address.
 */
import { createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP, Socket } from 'node:net';

export interface Endpoint {
  host: string;
  port: number;
}

export type Protocol = 'tcp' | 'udp';

export interface Timeouts {
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

export interface LocalAddress {
  address: string;
  family: 4 | 6;
}

export type MessageBuilder = (local: LocalAddress) => Buffer;

export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(
    readonly kind: 'timeout' | 'unreachable' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

/** Replies larger than this are refused: no legitimate kpasswd or AS reply comes near it. */
const MAX_REPLY = 1 << 20;

export const formatEndpoint = (endpoint: Endpoint): string =>
  isIP(endpoint.host) === 6 ? `[${endpoint.host}]:${endpoint.port}` : `${endpoint.host}:${endpoint.port}`;

export function exchange(protocol: Protocol, endpoint: Endpoint, build: MessageBuilder, timeouts: Timeouts): Promise<Buffer> {
  return protocol === 'tcp' ? exchangeTcp(endpoint, build, timeouts) : exchangeUdp(endpoint, build, timeouts);
}

function exchangeTcp(endpoint: Endpoint, build: MessageBuilder, timeouts: Timeouts): Promise<Buffer> {
  const where = `tcp ${formatEndpoint(endpoint)}`;
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let received = Buffer.alloc(0);
    let timer = setTimeout(() => fail(new NetworkError('timeout', `${where}: connect timed out`)), timeouts.connectTimeoutMs);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    socket.once('error', (error: NodeJS.ErrnoException) => fail(new NetworkError('unreachable', `${where}: ${error.code ?? error.message}`)));
    socket.once('close', () => fail(new NetworkError('unreachable', `${where}: connection closed before a full reply`)));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const length = received.readUInt32BE(0);
      if (length > MAX_REPLY) return fail(new NetworkError('malformed', `${where}: reply length ${length} refused`));
      if (received.length < 4 + length) return;
      clearTimeout(timer);
      socket.removeAllListeners('close');
      socket.destroy();
      resolve(received.subarray(4, 4 + length));
    });
    socket.connect({ host: endpoint.host, port: endpoint.port }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => fail(new NetworkError('timeout', `${where}: no reply in time`)), timeouts.requestTimeoutMs);
      const family = socket.localFamily === 'IPv6' ? 6 : 4;
      let message: Buffer;
      try {
        message = build({ address: socket.localAddress ?? '', family });
      } catch (error) {
        return fail(error as Error);
      }
      const prefix = Buffer.alloc(4);
      prefix.writeUInt32BE(message.length);
      socket.write(Buffer.concat([prefix, message]));
      message.fill(0);
    });
  });
}

async function exchangeUdp(endpoint: Endpoint, build: MessageBuilder, timeouts: Timeouts): Promise<Buffer> {
  const where = `udp ${formatEndpoint(endpoint)}`;
  let resolved: { address: string; family: number };
  try {
    resolved = await lookup(endpoint.host);
  } catch (error) {
    throw new NetworkError('unreachable', `${where}: ${(error as NodeJS.ErrnoException).code ?? 'lookup failed'}`);
  }
  const family = resolved.family === 6 ? 6 : 4;
  return new Promise((resolve, reject) => {
    const socket = createSocket(family === 6 ? 'udp6' : 'udp4');
    const timer = setTimeout(() => finish(new NetworkError('timeout', `${where}: no reply in time`)), timeouts.requestTimeoutMs);
    const finish = (error: Error | undefined, reply?: Buffer): void => {
      clearTimeout(timer);
      socket.close();
      if (error) reject(error);
      else resolve(reply as Buffer);
    };
    socket.once('error', (error: NodeJS.ErrnoException) => finish(new NetworkError('unreachable', `${where}: ${error.code ?? error.message}`)));
    socket.once('message', (reply) => finish(undefined, reply));
    socket.connect(endpoint.port, resolved.address, () => {
      let message: Buffer;
      try {
        message = build({ address: socket.address().address, family });
      } catch (error) {
        return finish(error as Error);
      }
      socket.send(message, (error) => {
        message.fill(0);
        if (error) finish(new NetworkError('unreachable', `${where}: ${(error as NodeJS.ErrnoException).code ?? 'send failed'}`));
      });
    });
  });
}
