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
  const request = (padata: PaData[]): Buffer =>
    encodeAsRequest({
      padata,
      options: [],
      client: client.name,
      realm: client.realm,
      server: changePasswordService(client.realm).name,
      till: new Date(now().getTime() + TICKET_LIFETIME_MS),
      nonce: randomInt(1, 0x7fffffff),
      etypes: supportedEncryptionTypes.map((type) => type.id),
    });

  const first = await send(request([]));
  if (!isKrbError(first)) {
    // The KDC did not ask for pre-authentication: the reply itself is sealed with the password's key.
    const reply = decodeAsReply(first);
    return openReply(client, reply, password, chooseKey(client, etypeInfoFrom(reply.padata), reply.encPart.etype));
  }
  const error = decodeKrbError(first);
  if (error.errorCode !== krbErrorCodes.preauthRequired) throw krbFailure(error, now);
  const choice = chooseKey(client, etypeInfoFrom(error.data ? readPaDataList(decode(error.data)) : []));
  const key = await choice.etype.stringToKey(password, choice.salt, choice.s2kParams);
  try {
    const time = now();
    const timestamp = encodeEncryptedTimestamp({ time, microseconds: (time.getTime() % 1000) * 1000 });
    const sealed = encode(encryptedDataBlock({ etype: choice.etype.id, cipher: choice.etype.encrypt(key, keyUsage.encTimestamp, timestamp) }));
    const second = await send(request([{ type: paDataTypes.encTimestamp, value: sealed }]));
    if (isKrbError(second)) throw krbFailure(decodeKrbError(second), now);
    return openWithKey(client, decodeAsReply(second), key, choice.etype);
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

/** The KDC lists ETYPE-INFO2 in its preference order; take the first one we implement. */
function chooseKey(client: Principal, entries: readonly EtypeInfo2Entry[], replyEtype?: number): KeyChoice {
  const usable = entries
    .map((entry) => ({ entry, etype: encryptionTypeById(entry.etype) }))
    .filter((pair): pair is { entry: EtypeInfo2Entry; etype: EncryptionType } => pair.etype !== undefined);
  const picked = replyEtype === undefined ? usable[0] : usable.find((pair) => pair.etype.id === replyEtype);
  if (picked) {
    return { etype: picked.etype, salt: picked.entry.salt ?? defaultSalt(client), ...(picked.entry.s2kParams ? { s2kParams: picked.entry.s2kParams } : {}) };
  }
  const fallback = replyEtype === undefined && entries.length === 0 ? supportedEncryptionTypes[0] : encryptionTypeById(replyEtype ?? -1);
  if (!fallback) {
    const offered = entries.map((entry) => entry.etype).join(', ') || String(replyEtype);
    throw new DirectoryError('configuration', `KDC offers no AES key for ${formatPrincipal(client)} (etypes ${offered}); only aes128/aes256-cts-hmac-sha1-96 are supported`);
  }
  return { etype: fallback, salt: defaultSalt(client) };
}

async function openReply(client: Principal, reply: AsReply, password: Uint8Array, choice: KeyChoice): Promise<InitialTicket> {
  const key = await choice.etype.stringToKey(password, choice.salt, choice.s2kParams);
  try {
    return openWithKey(client, reply, key, choice.etype);
  } finally {
    key.fill(0);
  }
}

function openWithKey(client: Principal, reply: AsReply, key: Uint8Array, etype: EncryptionType): InitialTicket {
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
  return { client, ticket: reply.ticket, sessionKey: part.key };
}
