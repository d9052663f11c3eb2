/** The sender's address as a Kerberos HostAddress, for KRB-PRIV's s-address (servers compare it with the peer address). */
import { isIPv4 } from 'node:net';
import { addressTypes, type HostAddress } from './asn1/common';
import type { LocalAddress } from './net';

export function hostAddressOf(local: LocalAddress): HostAddress {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(local.address)?.[1];
  const address = mapped ?? local.address;
  if (isIPv4(address)) return { type: addressTypes.ipv4, address: Buffer.from(address.split('.').map(Number)) };
  return { type: addressTypes.ipv6, address: ipv6Bytes(address) };
}

function ipv6Bytes(text: string): Buffer {
  const withoutZone = text.split('%')[0] ?? '';
  const [head = '', tail] = withoutZone.split('::');
  const groups = (part: string): number[] => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const all = [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
  const bytes = Buffer.alloc(16);
  all.forEach((group, index) => bytes.writeUInt16BE(group & 0xffff, index * 2));
  return bytes;
}
