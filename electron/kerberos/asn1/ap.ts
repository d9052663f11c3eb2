/** AP-REQ, Authenticator, AP-REP and EncAPRepPart (RFC 4120 §5.5). */
import {
  type EncryptedData,
  type EncryptionKey,
  type PrincipalName,
  PVNO,
  encryptedDataBlock,
  encryptionKeyBlock,
  principalNameBlock,
  readEncryptedData,
  readEncryptionKey,
  readPrincipalName,
} from './common';
import {
  application,
  decode,
  encode,
  fieldsOf,
  flags32,
  integer,
  kerberosString,
  kerberosTime,
  readInteger,
  readString,
  readTime,
  requireField,
  taggedSequence,
  unwrapApplication,
} from './der';
import { type Ticket, messageTypes, readTicket, ticketBlock } from './kdc';

export interface ApRequest {
  ticket: Ticket;
  authenticator: EncryptedData;
}

export const encodeApRequest = (request: ApRequest): Buffer =>
  encode(
    application(
      messageTypes.apReq,
      taggedSequence([
        integer(PVNO),
        integer(messageTypes.apReq),
        flags32([]),
        ticketBlock(request.ticket),
        encryptedDataBlock(request.authenticator),
      ]),
    ),
  );

export function decodeApRequest(bytes: Uint8Array): ApRequest {
  const fields = fieldsOf(unwrapApplication(decode(bytes), messageTypes.apReq, 'AP-REQ'), 'AP-REQ');
  return {
    ticket: readTicket(requireField(fields, 3, 'AP-REQ')),
    authenticator: readEncryptedData(requireField(fields, 4, 'AP-REQ')),
  };
}

export interface Authenticator {
  clientRealm: string;
  client: PrincipalName;
  microseconds: number;
  time: Date;
  subkey?: EncryptionKey;
  sequenceNumber?: number;
}

export const encodeAuthenticator = (auth: Authenticator): Buffer =>
  encode(
    application(
      2,
      taggedSequence([
        integer(PVNO),
        kerberosString(auth.clientRealm),
        principalNameBlock(auth.client),
        undefined,
        integer(auth.microseconds),
        kerberosTime(auth.time),
        auth.subkey ? encryptionKeyBlock(auth.subkey) : undefined,
        auth.sequenceNumber === undefined ? undefined : integer(auth.sequenceNumber),
      ]),
    ),
  );

export function decodeAuthenticator(bytes: Uint8Array): Authenticator {
  const what = 'Authenticator';
  const fields = fieldsOf(unwrapApplication(decode(bytes), 2, what), what);
  const subkey = fields.get(6);
  const seq = fields.get(7);
  return {
    clientRealm: readString(requireField(fields, 1, what), what),
    client: readPrincipalName(requireField(fields, 2, what)),
    microseconds: readInteger(requireField(fields, 4, what), what),
    time: readTime(requireField(fields, 5, what), what),
    ...(subkey ? { subkey: readEncryptionKey(subkey) } : {}),
    ...(seq ? { sequenceNumber: readInteger(seq, what) } : {}),
  };
}

export const encodeApReply = (encPart: EncryptedData): Buffer =>
  encode(application(messageTypes.apRep, taggedSequence([integer(PVNO), integer(messageTypes.apRep), encryptedDataBlock(encPart)])));

export function decodeApReply(bytes: Uint8Array): EncryptedData {
  const fields = fieldsOf(unwrapApplication(decode(bytes), messageTypes.apRep, 'AP-REP'), 'AP-REP');
  return readEncryptedData(requireField(fields, 2, 'AP-REP'));
}

export interface EncApReplyPart {
  time: Date;
  microseconds: number;
  subkey?: EncryptionKey;
  sequenceNumber?: number;
}

export const encodeEncApReplyPart = (part: EncApReplyPart): Buffer =>
  encode(
    application(
      27,
      taggedSequence([
        kerberosTime(part.time),
        integer(part.microseconds),
        part.subkey ? encryptionKeyBlock(part.subkey) : undefined,
        part.sequenceNumber === undefined ? undefined : integer(part.sequenceNumber),
      ]),
    ),
  );

export function decodeEncApReplyPart(bytes: Uint8Array): EncApReplyPart {
  const what = 'EncAPRepPart';
  const fields = fieldsOf(unwrapApplication(decode(bytes), 27, what), what);
  const subkey = fields.get(2);
  const seq = fields.get(3);
  return {
    time: readTime(requireField(fields, 0, what), what),
    microseconds: readInteger(requireField(fields, 1, what), what),
    ...(subkey ? { subkey: readEncryptionKey(subkey) } : {}),
    ...(seq ? { sequenceNumber: readInteger(seq, what) } : {}),
  };
}
