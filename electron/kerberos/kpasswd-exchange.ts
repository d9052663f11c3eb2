/**
 * One RFC 3244 exchange: an AP-REQ carrying a fresh subkey and sequence number, and a KRB-PRIV sealed
 * with that subkey (key usage 13) holding the new password. The reply's KRB-PRIV is sealed with the
 * subkey of the AP-REP when the server sends one (MIT echoes ours) and with ours otherwise (Samba).
 */
import { randomInt } from 'node:crypto';
import { DirectoryError } from '../directory/errors';
import { decodeApReply, decodeEncApReplyPart, encodeApRequest, encodeAuthenticator } from './asn1/ap';
import { decodeKrbError } from './asn1/krb-error';
import { decodeEncKrbPrivPart, decodeKrbPriv, encodeChangePasswdData, encodeEncKrbPrivPart, encodeKrbPriv } from './asn1/priv';
import { type InitialTicket, keyUsage } from './as-exchange';
import { type EncryptionType, KerberosIntegrityError } from './crypto/encryption-type';
import { encryptionTypeById } from './crypto/registry';
import { directoryErrorFromKpasswdResult, directoryErrorFromKrbError } from './errors';
import { hostAddressOf } from './host-address';
import { frameKpasswdRequest, kpasswdVersions, parseKpasswdReply, parseKpasswdResult } from './kpasswd-message';
import type { MessageBuilder } from './net';
import type { Principal } from './principal';

export type KpasswdSend = (build: MessageBuilder) => Promise<Buffer>;

export interface KpasswdRequest {
  ticket: InitialTicket;
  newPassword: Buffer;
  /** Set another principal's password (version 0xFF80); absent: change the ticket owner's own (version 1). */
  target?: Principal;
}

interface Attempt {
  subkey: Buffer;
  time: Date;
  microseconds: number;
}

function etypeOf(id: number, what: string): EncryptionType {
  const etype = encryptionTypeById(id);
  if (!etype) throw new DirectoryError('protocol', `${what} uses unsupported etype ${id}`);
  return etype;
}

function open(etype: EncryptionType, key: Uint8Array, usage: number, cipher: Buffer, what: string): Buffer {
  try {
    return etype.decrypt(key, usage, cipher);
  } catch (error) {
    if (error instanceof KerberosIntegrityError) throw new DirectoryError('protocol', `${what} failed its integrity check`);
    throw error;
  }
}

export async function runKpasswd(request: KpasswdRequest, send: KpasswdSend, now: () => Date): Promise<void> {
  const { ticket, target } = request;
  const sessionKey = ticket.sessionKey.value;
  const sessionEtype = etypeOf(ticket.sessionKey.type, 'session key');
  const version = target ? kpasswdVersions.set : kpasswdVersions.change;
  const attempts: Attempt[] = [];

  const build: MessageBuilder = (local) => {
    const attempt: Attempt = { subkey: sessionEtype.randomKey(), time: now(), microseconds: randomInt(0, 1_000_000) };
    attempts.push(attempt);
    const sequenceNumber = randomInt(1, 0x3fffffff);
    const authenticator = encodeAuthenticator({
      clientRealm: ticket.client.realm,
      client: ticket.client.name,
      microseconds: attempt.microseconds,
      time: attempt.time,
      subkey: { type: sessionEtype.id, value: attempt.subkey },
      sequenceNumber,
    });
    const apRequest = encodeApRequest({
      ticket: ticket.ticket,
      authenticator: { etype: sessionEtype.id, cipher: sessionEtype.encrypt(sessionKey, keyUsage.apReqAuthenticator, authenticator) },
    });
    authenticator.fill(0);
    const userData = target
      ? encodeChangePasswdData({ newPassword: request.newPassword, targetName: target.name, targetRealm: target.realm })
      : Buffer.from(request.newPassword);
    const privPart = encodeEncKrbPrivPart({ userData, sequenceNumber, senderAddress: hostAddressOf(local) });
    const krbPriv = encodeKrbPriv({ etype: sessionEtype.id, cipher: sessionEtype.encrypt(attempt.subkey, keyUsage.krbPriv, privPart) });
    userData.fill(0);
    privPart.fill(0);
    return frameKpasswdRequest(version, apRequest, krbPriv);
  };

  try {
    const reply = parseKpasswdReply(await send(build));
    const attempt = attempts[attempts.length - 1];
    if (!attempt) throw new DirectoryError('protocol', 'kpasswd reply without a request');
    if (reply.kind === 'error') throw errorFromKrbError(reply.krbError);

    const apReplyPart = decodeEncApReplyPart(
      open(sessionEtype, sessionKey, keyUsage.apReplyEncPart, decodeApReply(reply.apReply).cipher, 'kpasswd AP-REP'),
    );
    // Mutual authentication: only the holder of the session key can echo our authenticator's time.
    if (Math.floor(apReplyPart.time.getTime() / 1000) !== Math.floor(attempt.time.getTime() / 1000) || apReplyPart.microseconds !== attempt.microseconds) {
      throw new DirectoryError('protocol', 'kpasswd AP-REP does not echo the authenticator time');
    }
    const replyKey = apReplyPart.subkey?.value ?? attempt.subkey;
    const sealed = decodeKrbPriv(reply.krbPriv);
    const privPart = decodeEncKrbPrivPart(open(etypeOf(sealed.etype, 'kpasswd KRB-PRIV'), replyKey, keyUsage.krbPriv, sealed.cipher, 'kpasswd KRB-PRIV'));
    apReplyPart.subkey?.value.fill(0);
    const result = parseKpasswdResult(privPart.userData);
    const failure = directoryErrorFromKpasswdResult(result.code, result.resultString);
    if (failure) throw failure;
  } finally {
    for (const attempt of attempts) attempt.subkey.fill(0);
  }
}

/** A KRB-ERROR from kpasswd may carry a kpasswd result in its e-data (MIT does this). */
function errorFromKrbError(bytes: Buffer): DirectoryError {
  const error = decodeKrbError(bytes);
  if (error.data && error.data.length >= 2) {
    const result = parseKpasswdResult(error.data);
    const mapped = directoryErrorFromKpasswdResult(result.code, result.resultString);
    if (mapped) return mapped;
  }
  return directoryErrorFromKrbError(error, 'kpasswd');
}
