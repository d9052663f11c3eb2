/** AS-REQ / AS-REP (RFC 4120 §5.4) and the pre-authentication structures used with them. */
import {
  type EncryptedData,
  type EncryptionKey,
  type PaData,
  type PrincipalName,
  PVNO,
  encryptedDataBlock,
  encryptionKeyBlock,
  paDataBlock,
  principalNameBlock,
  readEncryptedData,
  readEncryptionKey,
  readPaDataList,
  readPrincipalName,
} from './common';
import {
  type Block,
  application,
  decode,
  encode,
  fieldsOf,
  flags32,
  integer,
  kerberosString,
  kerberosTime,
  octetString,
  readFlags,
  readInteger,
  readOctets,
  readSequence,
  readString,
  readStringBytes,
  readTime,
  requireField,
  sequenceOf,
  taggedSequence,
  unwrapApplication,
} from './der';

export const messageTypes = { asReq: 10, asRep: 11, apReq: 14, apRep: 15, krbPriv: 21, krbError: 30 } as const;

export interface AsRequest {
  padata: PaData[];
  /** KDCOptions bit numbers to set. */
  options: number[];
  client: PrincipalName;
  realm: string;
  server: PrincipalName;
  till: Date;
  nonce: number;
  etypes: number[];
}

export function encodeAsRequest(request: AsRequest): Buffer {
  const body = taggedSequence([
    flags32(request.options),
    principalNameBlock(request.client),
    kerberosString(request.realm),
    principalNameBlock(request.server),
    undefined,
    kerberosTime(request.till),
    undefined,
    integer(request.nonce),
    sequenceOf(request.etypes.map(integer)),
  ]);
  const padata = request.padata.length > 0 ? sequenceOf(request.padata.map(paDataBlock)) : undefined;
  return encode(application(messageTypes.asReq, taggedSequence([undefined, integer(PVNO), integer(messageTypes.asReq), padata, body])));
}

export function decodeAsRequest(bytes: Uint8Array): AsRequest {
  const what = 'AS-REQ';
  const fields = fieldsOf(unwrapApplication(decode(bytes), messageTypes.asReq, what), what);
  const body = fieldsOf(requireField(fields, 4, what), what);
  const options = readFlags(requireField(body, 0, what), what);
  const padata = fields.get(3);
  return {
    padata: padata ? readPaDataList(padata) : [],
    options,
    client: readPrincipalName(requireField(body, 1, what)),
    realm: readString(requireField(body, 2, what), what),
    server: readPrincipalName(requireField(body, 3, what)),
    till: readTime(requireField(body, 5, what), what),
    nonce: readInteger(requireField(body, 7, what), what),
    etypes: readSequence(requireField(body, 8, what), what).map((etype) => readInteger(etype, what)),
  };
}

export interface Ticket {
  realm: string;
  server: PrincipalName;
  encPart: EncryptedData;
}

export const ticketBlock = (ticket: Ticket): Block =>
  application(1, taggedSequence([integer(PVNO), kerberosString(ticket.realm), principalNameBlock(ticket.server), encryptedDataBlock(ticket.encPart)]));

export function readTicket(block: Block): Ticket {
  const fields = fieldsOf(unwrapApplication(block, 1, 'Ticket'), 'Ticket');
  return {
    realm: readString(requireField(fields, 1, 'Ticket'), 'Ticket'),
    server: readPrincipalName(requireField(fields, 2, 'Ticket')),
    encPart: readEncryptedData(requireField(fields, 3, 'Ticket')),
  };
}

export interface AsReply {
  padata: PaData[];
  clientRealm: string;
  client: PrincipalName;
  ticket: Ticket;
  encPart: EncryptedData;
}

export function encodeAsReply(reply: AsReply): Buffer {
  const padata = reply.padata.length > 0 ? sequenceOf(reply.padata.map(paDataBlock)) : undefined;
  return encode(
    application(
      messageTypes.asRep,
      taggedSequence([
        integer(PVNO),
        integer(messageTypes.asRep),
        padata,
        kerberosString(reply.clientRealm),
        principalNameBlock(reply.client),
        ticketBlock(reply.ticket),
        encryptedDataBlock(reply.encPart),
      ]),
    ),
  );
}

export function decodeAsReply(bytes: Uint8Array): AsReply {
  const what = 'AS-REP';
  const fields = fieldsOf(unwrapApplication(decode(bytes), messageTypes.asRep, what), what);
  const padata = fields.get(2);
  return {
    padata: padata ? readPaDataList(padata) : [],
    clientRealm: readString(requireField(fields, 3, what), what),
    client: readPrincipalName(requireField(fields, 4, what)),
    ticket: readTicket(requireField(fields, 5, what)),
    encPart: readEncryptedData(requireField(fields, 6, what)),
  };
}

/** The parts of EncASRepPart the client uses. */
export interface EncKdcReplyPart {
  key: EncryptionKey;
  nonce: number;
  authTime: Date;
  endTime: Date;
  serverRealm: string;
  server: PrincipalName;
}

/** Encoded as EncASRepPart [APPLICATION 25]; decoding also accepts [APPLICATION 26], which some KDCs send. */
export function encodeEncKdcReplyPart(part: EncKdcReplyPart): Buffer {
  return encode(
    application(
      25,
      taggedSequence([
        encryptionKeyBlock(part.key),
        sequenceOf([]),
        integer(part.nonce),
        undefined,
        flags32([]),
        kerberosTime(part.authTime),
        undefined,
        kerberosTime(part.endTime),
        undefined,
        kerberosString(part.serverRealm),
        principalNameBlock(part.server),
      ]),
    ),
  );
}

export function decodeEncKdcReplyPart(bytes: Uint8Array): EncKdcReplyPart {
  const what = 'EncASRepPart';
  const outer = decode(bytes);
  const tag = outer.idBlock.tagNumber === 26 ? 26 : 25;
  const fields = fieldsOf(unwrapApplication(outer, tag, what), what);
  return {
    key: readEncryptionKey(requireField(fields, 0, what)),
    nonce: readInteger(requireField(fields, 2, what), what),
    authTime: readTime(requireField(fields, 5, what), what),
    endTime: readTime(requireField(fields, 7, what), what),
    serverRealm: readString(requireField(fields, 9, what), what),
    server: readPrincipalName(requireField(fields, 10, what)),
  };
}

export interface EncryptedTimestamp {
  time: Date;
  microseconds: number;
}

export const encodeEncryptedTimestamp = (timestamp: EncryptedTimestamp): Buffer =>
  encode(taggedSequence([kerberosTime(timestamp.time), integer(timestamp.microseconds)]));

export function decodeEncryptedTimestamp(bytes: Uint8Array): EncryptedTimestamp {
  const fields = fieldsOf(decode(bytes), 'PA-ENC-TS-ENC');
  const usec = fields.get(1);
  return {
    time: readTime(requireField(fields, 0, 'PA-ENC-TS-ENC'), 'PA-ENC-TS-ENC'),
    microseconds: usec ? readInteger(usec, 'PA-ENC-TS-ENC') : 0,
  };
}

export interface EtypeInfo2Entry {
  etype: number;
  /** Raw salt bytes; absent means the default salt (realm + name components). */
  salt?: Buffer;
  s2kParams?: Buffer;
}

export function encodeEtypeInfo2(entries: readonly EtypeInfo2Entry[]): Buffer {
  return encode(
    sequenceOf(
      entries.map((entry) =>
        taggedSequence([
          integer(entry.etype),
          entry.salt ? kerberosString(entry.salt.toString('utf8')) : undefined,
          entry.s2kParams ? octetString(entry.s2kParams) : undefined,
        ]),
      ),
    ),
  );
}

export function decodeEtypeInfo2(bytes: Uint8Array): EtypeInfo2Entry[] {
  return readSequence(decode(bytes), 'ETYPE-INFO2').map((entryBlock) => {
    const fields = fieldsOf(entryBlock, 'ETYPE-INFO2-ENTRY');
    const salt = fields.get(1);
    const params = fields.get(2);
    return {
      etype: readInteger(requireField(fields, 0, 'ETYPE-INFO2-ENTRY'), 'ETYPE-INFO2-ENTRY'),
      ...(salt ? { salt: readStringBytes(salt, 'ETYPE-INFO2 salt') } : {}),
      ...(params ? { s2kParams: readOctets(params, 'ETYPE-INFO2 s2kparams') } : {}),
    };
  });
}
