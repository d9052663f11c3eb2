/**
 * The AS exchange for an initial ticket to kadmin/changepw (RFC 3244 requires an initial ticket, so the
 * user's password, not a TGT, is what proves identity). First without pre-authentication to learn the
 * salt, iterations and etype from ETYPE-INFO2, then with PA-ENC-TIMESTAMP.
 */
import { randomInt } from 'node:crypto';
import { DirectoryError } from '../directory/errors';
import { type EncryptionKey, encryptedDataBlock, paDataTypes, readPaDataList, type PaData } from './asn1/common';
import { decode, encode } from './asn1/der';
import {
  type AsReply,
  type Ticket,
  decodeAsReply,
  decodeEncKdcReplyPart,
  decodeEtypeInfo2,
  encodeAsRequest,
  encodeEncryptedTimestamp,
  type EtypeInfo2Entry,
} from './asn1/kdc';
import { decodeKrbError, isKrbError, krbErrorCodes, type KrbError } from './asn1/krb-error';
import { type EncryptionType, KerberosIntegrityError } from './crypto/encryption-type';
import { encryptionTypeById, supportedEncryptionTypes } from './crypto/registry';
import { directoryErrorFromKrbError } from './errors';
import { changePasswordService, defaultSalt, formatPrincipal, type Principal } from './principal';

export const keyUsage = { encTimestamp: 1, asReplyEncPart: 3, apReqAuthenticator: 11, apReplyEncPart: 12, krbPriv: 13 } as const;

/** Sends one KDC message and returns the reply, handling servers, transport and failover. */
export type KdcSend = (message: Buffer) => Promise<Buffer>;

export interface InitialTicket {
  client: Principal;
  ticket: Ticket;
  sessionKey: EncryptionKey;
}

interface KeyChoice {
  etype: EncryptionType;
  salt: Buffer;
  s2kParams?: Buffer;
}

const TICKET_LIFETIME_MS = 12 * 60 * 60 * 1000;

export async function requestChangePasswordTicket(
  client: Principal,
  password: Uint8Array,
  send: KdcSend,
  now: () => Date,
): Promise<InitialTicket> {
  const request = (padata: PaData[], nonce: number): Buffer =>
    encodeAsRequest({
      padata,
      options: [],
      client: client.name,
      realm: client.realm,
      server: changePasswordService(client.realm).name,
      till: new Date(now().getTime() + TICKET_LIFETIME_MS),
      nonce,
      etypes: supportedEncryptionTypes.map((type) => type.id),
    });

  const firstNonce = randomInt(1, 0x7fffffff);
  const first = await send(request([], firstNonce));
  if (!isKrbError(first)) {
    // The KDC did not ask for pre-authentication: the reply itself is sealed with the password's key.
    const reply = decodeAsReply(first);
    return openReply(client, reply, firstNonce, password, chooseKey(client, etypeInfoFrom(reply.padata), reply.encPart.etype));
  }
  const error = decodeKrbError(first);
  if (error.errorCode !== krbErrorCodes.preauthRequired) throw krbFailure(error, now);
  const choice = chooseKey(client, etypeInfoFrom(error.data ? readPaDataList(decode(error.data)) : []));
  const key = await choice.etype.stringToKey(password, choice.salt, choice.s2kParams);
  try {
    const time = now();
    const timestamp = encodeEncryptedTimestamp({ time, microseconds: (time.getTime() % 1000) * 1000 });
    const sealed = encode(encryptedDataBlock({ etype: choice.etype.id, cipher: choice.etype.encrypt(key, keyUsage.encTimestamp, timestamp) }));
    const nonce = randomInt(1, 0x7fffffff);
    const second = await send(request([{ type: paDataTypes.encTimestamp, value: sealed }], nonce));
    if (isKrbError(second)) throw krbFailure(decodeKrbError(second), now);
    return openWithKey(client, decodeAsReply(second), nonce, key, choice.etype);
  } finally {
    key.fill(0);
  }
}

function krbFailure(error: KrbError, now: () => Date): DirectoryError {
  const serverMs = error.serverTime.getTime() + Math.floor(error.serverMicroseconds / 1000);
  return directoryErrorFromKrbError(error, 'AS exchange for kadmin/changepw', serverMs - now().getTime());
}

function etypeInfoFrom(padata: readonly PaData[]): EtypeInfo2Entry[] {
  const info = padata.find((pa) => pa.type === paDataTypes.etypeInfo2);
  return info ? decodeEtypeInfo2(info.value) : [];
}

/**
 * The KDC lists ETYPE-INFO2 in its preference order: take the first entry we implement (the one that
 * sealed the reply, when there is a reply). Without any entry the default salt applies.
 */
function chooseKey(client: Principal, entries: readonly EtypeInfo2Entry[], replyEtype?: number): KeyChoice {
  for (const entry of entries) {
    const etype = encryptionTypeById(entry.etype);
    if (etype && (replyEtype === undefined || etype.id === replyEtype)) {
      return { etype, salt: entry.salt ?? defaultSalt(client), ...(entry.s2kParams ? { s2kParams: entry.s2kParams } : {}) };
    }
  }
  const guess = replyEtype !== undefined ? encryptionTypeById(replyEtype) : entries.length === 0 ? supportedEncryptionTypes[0] : undefined;
  if (!guess) {
    const offered = entries.map((entry) => entry.etype).join(', ') || String(replyEtype);
    throw new DirectoryError('configuration', `KDC offers no AES key for ${formatPrincipal(client)} (etypes ${offered}); RC4 and DES are not supported`);
  }
  return { etype: guess, salt: defaultSalt(client) };
}

async function openReply(client: Principal, reply: AsReply, nonce: number, password: Uint8Array, choice: KeyChoice): Promise<InitialTicket> {
  const key = await choice.etype.stringToKey(password, choice.salt, choice.s2kParams);
  try {
    return openWithKey(client, reply, nonce, key, choice.etype);
  } finally {
    key.fill(0);
  }
}

function openWithKey(client: Principal, reply: AsReply, nonce: number, key: Uint8Array, etype: EncryptionType): InitialTicket {
  if (reply.encPart.etype !== etype.id) {
    throw new DirectoryError('protocol', `AS-REP sealed with etype ${reply.encPart.etype}, pre-authentication used ${etype.id}`);
  }
  let plain: Buffer;
  try {
    plain = etype.decrypt(key, keyUsage.asReplyEncPart, reply.encPart.cipher);
  } catch (error) {
    if (error instanceof KerberosIntegrityError) {
      throw new DirectoryError('invalidCredentials', 'AS-REP does not decrypt with the key from the given password');
    }
    throw error;
  }
  const part = decodeEncKdcReplyPart(plain);
  plain.fill(0);
  // The nonce ties the reply to this request: a replayed older reply is refused.
  if (part.nonce !== nonce) {
    part.key.value.fill(0);
    throw new DirectoryError('protocol', 'AS-REP nonce does not match the request');
  }
  return { client, ticket: reply.ticket, sessionKey: part.key };
}
