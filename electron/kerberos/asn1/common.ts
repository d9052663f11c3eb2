/** RFC 4120 §5.2 building blocks shared by every Kerberos message. */
import {
  type Block,
  fieldsOf,
  integer,
  kerberosString,
  octetString,
  readInteger,
  readOctets,
  readSequence,
  readString,
  requireField,
  sequenceOf,
  taggedSequence,
} from './der';

export const PVNO = 5;

export const nameTypes = { principal: 1, serviceInstance: 2 } as const;

export interface PrincipalName {
  type: number;
  components: string[];
}

export const principalNameBlock = (name: PrincipalName): Block =>
  taggedSequence([integer(name.type), sequenceOf(name.components.map(kerberosString))]);

export function readPrincipalName(block: Block, what = 'PrincipalName'): PrincipalName {
  const fields = fieldsOf(block, what);
  return {
    type: readInteger(requireField(fields, 0, what), what),
    components: readSequence(requireField(fields, 1, what), what).map((part) => readString(part, what)),
  };
}

export interface EncryptedData {
  etype: number;
  kvno?: number;
  cipher: Buffer;
}

export const encryptedDataBlock = (data: EncryptedData): Block =>
  taggedSequence([integer(data.etype), data.kvno === undefined ? undefined : integer(data.kvno), octetString(data.cipher)]);

export function readEncryptedData(block: Block, what = 'EncryptedData'): EncryptedData {
  const fields = fieldsOf(block, what);
  const kvno = fields.get(1);
  return {
    etype: readInteger(requireField(fields, 0, what), what),
    ...(kvno ? { kvno: readInteger(kvno, what) } : {}),
    cipher: readOctets(requireField(fields, 2, what), what),
  };
}

export interface EncryptionKey {
  type: number;
  value: Buffer;
}

export const encryptionKeyBlock = (key: EncryptionKey): Block => taggedSequence([integer(key.type), octetString(key.value)]);

export function readEncryptionKey(block: Block, what = 'EncryptionKey'): EncryptionKey {
  const fields = fieldsOf(block, what);
  return { type: readInteger(requireField(fields, 0, what), what), value: readOctets(requireField(fields, 1, what), what) };
}

export const paDataTypes = { encTimestamp: 2, etypeInfo2: 19 } as const;

export interface PaData {
  type: number;
  value: Buffer;
}

/** PA-DATA numbers its fields from 1. */
export const paDataBlock = (pa: PaData): Block => taggedSequence([undefined, integer(pa.type), octetString(pa.value)]);

export function readPaData(block: Block): PaData {
  const fields = fieldsOf(block, 'PA-DATA');
  return {
    type: readInteger(requireField(fields, 1, 'PA-DATA'), 'PA-DATA'),
    value: readOctets(requireField(fields, 2, 'PA-DATA'), 'PA-DATA'),
  };
}

export const readPaDataList = (block: Block): PaData[] => readSequence(block, 'METHOD-DATA').map(readPaData);

export const addressTypes = { ipv4: 2, ipv6: 24 } as const;

export interface HostAddress {
  type: number;
  address: Buffer;
}

export const hostAddressBlock = (address: HostAddress): Block =>
  taggedSequence([integer(address.type), octetString(address.address)]);

export function readHostAddress(block: Block): HostAddress {
  const fields = fieldsOf(block, 'HostAddress');
  return {
    type: readInteger(requireField(fields, 0, 'HostAddress'), 'HostAddress'),
    address: readOctets(requireField(fields, 1, 'HostAddress'), 'HostAddress'),
  };
}
