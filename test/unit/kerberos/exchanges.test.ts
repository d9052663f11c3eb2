/**
 * The AS and kpasswd exchanges against a scripted server that uses the same real crypto and DER, for the
 * paths the real test servers never take: no pre-authentication, replayed replies, forged AP-REPs,
 * KRB-ERROR with a kpasswd result, Windows's binary policy block.
 */
import { describe, expect, it } from 'vitest';
import { isDirectoryError } from '../../../electron/directory/errors';
import { decodeApRequest, decodeAuthenticator, encodeApReply, encodeEncApReplyPart } from '../../../electron/kerberos/asn1/ap';
import { paDataBlock, readEncryptedData } from '../../../electron/kerberos/asn1/common';
import { decode, encode, sequenceOf } from '../../../electron/kerberos/asn1/der';
import {
  decodeAsRequest,
  decodeEncryptedTimestamp,
  encodeAsReply,
  encodeEncKdcReplyPart,
  encodeEtypeInfo2,
} from '../../../electron/kerberos/asn1/kdc';
import { encodeKrbError } from '../../../electron/kerberos/asn1/krb-error';
import { decodeChangePasswdData, decodeEncKrbPrivPart, decodeKrbPriv, encodeEncKrbPrivPart, encodeKrbPriv } from '../../../electron/kerberos/asn1/priv';
import { type InitialTicket, requestChangePasswordTicket } from '../../../electron/kerberos/as-exchange';
import { aes256CtsHmacSha196 } from '../../../electron/kerberos/crypto/aes-sha1';
import { runKpasswd } from '../../../electron/kerberos/kpasswd-exchange';
import { encodeKpasswdResult, frameKpasswdRequest, parseKpasswdReply } from '../../../electron/kerberos/kpasswd-message';
import { encodeAdPolicy } from '../../../electron/kerberos/policy-refusal';
import { parsePrincipal } from '../../../electron/kerberos/principal';

const aes = aes256CtsHmacSha196;
const realm = 'EXAMPLE.TEST';
const alice = parsePrincipal('alice', realm);
const changepw = { type: 2, components: ['kadmin', 'changepw'] };
const salt = Buffer.from('EXAMPLE.TESTalice-custom-salt');
const iterations = Buffer.from([0, 0, 0x03, 0xe8]); // 1000
const now = () => new Date();

const krbError = (errorCode: number, data?: Buffer) =>
  encodeKrbError({ errorCode, serverTime: new Date(), serverMicroseconds: 0, realm, server: changepw, ...(data ? { data } : {}) });

const etypeInfo = (etype = 18) => ({ type: 19, value: encodeEtypeInfo2([{ etype, salt, s2kParams: iterations }]) });

/** An AS-REP for the request, sealed with `key`, carrying `sessionKey`. */
function asReply(request: Buffer, key: Buffer, sessionKey: Buffer, nonceDelta = 0, padata = [etypeInfo()]): Buffer {
  const parsed = decodeAsRequest(request);
  const part = encodeEncKdcReplyPart({
    key: { type: 18, value: sessionKey },
    nonce: parsed.nonce + nonceDelta,
    authTime: new Date(),
    endTime: new Date(Date.now() + 600_000),
    serverRealm: realm,
    server: changepw,
  });
  return encodeAsReply({
    padata,
    clientRealm: realm,
    client: alice.name,
    ticket: { realm, server: changepw, encPart: { etype: 18, kvno: 1, cipher: Buffer.from('opaque ticket') } },
    encPart: { etype: 18, cipher: aes.encrypt(key, 3, part) },
  });
}

describe('AS exchange for kadmin/changepw', () => {
  it('pre-authenticates with the salt and iterations from ETYPE-INFO2', async () => {
    const userKey = await aes.stringToKey(Buffer.from('Secret-1'), salt, iterations);
    const sessionKey = aes.randomKey();
    let calls = 0;
    const ticket = await requestChangePasswordTicket(alice, Buffer.from('Secret-1'), async (request) => {
      calls++;
      const parsed = decodeAsRequest(request);
      expect(parsed.server).toEqual(changepw);
      expect(parsed.etypes).toEqual([20, 19, 18, 17]);
      const encTimestamp = parsed.padata.find((pa) => pa.type === 2);
      if (!encTimestamp) return krbError(25, encode(sequenceOf([paDataBlock(etypeInfo())])));
      const sealed = readEncryptedData(decode(encTimestamp.value));
      const timestamp = decodeEncryptedTimestamp(aes.decrypt(userKey, 1, sealed.cipher));
      expect(Math.abs(timestamp.time.getTime() - Date.now())).toBeLessThan(5000);
      return asReply(request, userKey, sessionKey);
    }, now);
    expect(calls).toBe(2);
    expect(ticket.sessionKey.value.equals(sessionKey)).toBe(true);
  });

  it('accepts a KDC that needs no pre-authentication, and refuses the reply for a wrong password', async () => {
    const userKey = await aes.stringToKey(Buffer.from('Secret-1'), salt, iterations);
    const kdc = async (request: Buffer) => asReply(request, userKey, aes.randomKey());
    await expect(requestChangePasswordTicket(alice, Buffer.from('Secret-1'), kdc, now)).resolves.toBeDefined();
    await expect(requestChangePasswordTicket(alice, Buffer.from('Wrong-1'), kdc, now)).rejects.toMatchObject({ code: 'invalidCredentials' });
  });

  it('refuses a reply whose nonce is not the request’s (a replay)', async () => {
    const userKey = await aes.stringToKey(Buffer.from('Secret-1'), salt, iterations);
    const replay = async (request: Buffer) => asReply(request, userKey, aes.randomKey(), 1);
    await expect(requestChangePasswordTicket(alice, Buffer.from('Secret-1'), replay, now)).rejects.toMatchObject({ code: 'protocol' });
  });

  it('is a configuration error when the KDC only has RC4 keys for the user', async () => {
    const rc4Only = async () => krbError(25, encode(sequenceOf([paDataBlock(etypeInfo(23))])));
    await expect(requestChangePasswordTicket(alice, Buffer.from('Secret-1'), rc4Only, now)).rejects.toMatchObject({ code: 'configuration' });
  });
});

interface ScriptedKpasswd {
  echoSubkey?: boolean;
  forgeTime?: boolean;
  result?: Buffer;
  krbErrorData?: Buffer;
}

/** A kpasswd server: opens the request with the session key and answers as told. */
function kpasswdServer(sessionKey: Buffer, script: ScriptedKpasswd, seen: { userData?: Buffer; version?: number }) {
  return async (build: (local: { address: string; family: 4 | 6 }) => Buffer): Promise<Buffer> => {
    const request = build({ address: '127.0.0.1', family: 4 });
    const framed = parseKpasswdReply(request); // the request has the same framing as a reply
    if (framed.kind !== 'reply') throw new Error('unexpected framing');
    seen.version = framed.version;
    if (script.krbErrorData) return Buffer.concat([header(krbError(61, script.krbErrorData).length), krbError(61, script.krbErrorData)]);
    const apRequest = decodeApRequest(framed.apReply);
    const authenticator = decodeAuthenticator(aes.decrypt(sessionKey, 11, apRequest.authenticator.cipher));
    const clientSubkey = authenticator.subkey?.value ?? Buffer.alloc(0);
    const priv = decodeEncKrbPrivPart(aes.decrypt(clientSubkey, 13, decodeKrbPriv(framed.krbPriv).cipher));
    expect(priv.sequenceNumber).toBe(authenticator.sequenceNumber);
    expect(priv.senderAddress).toEqual({ type: 2, address: Buffer.from([127, 0, 0, 1]) });
    seen.userData = priv.userData;
    const serverSubkey = script.echoSubkey ? aes.randomKey() : undefined;
    const apPart = encodeEncApReplyPart({
      time: script.forgeTime ? new Date(authenticator.time.getTime() - 60_000) : authenticator.time,
      microseconds: authenticator.microseconds,
      ...(serverSubkey ? { subkey: { type: 18, value: serverSubkey } } : {}),
    });
    const apReply = encodeApReply({ etype: 18, cipher: aes.encrypt(sessionKey, 12, apPart) });
    const resultPart = encodeEncKrbPrivPart({ userData: script.result ?? encodeKpasswdResult({ code: 0, resultString: Buffer.alloc(0) }) });
    const krbPriv = encodeKrbPriv({ etype: 18, cipher: aes.encrypt(serverSubkey ?? clientSubkey, 13, resultPart) });
    return frameKpasswdRequest(1, apReply, krbPriv);
  };
}

function header(krbErrorLength: number): Buffer {
  const bytes = Buffer.alloc(6);
  bytes.writeUInt16BE(6 + krbErrorLength, 0);
  bytes.writeUInt16BE(1, 2);
  return bytes;
}

function ticketFor(sessionKey: Buffer): InitialTicket {
  return { client: alice, ticket: { realm, server: changepw, encPart: { etype: 18, cipher: Buffer.from('t') } }, sessionKey: { type: 18, value: sessionKey } };
}

describe('kpasswd exchange', () => {
  it('sends the new password as version 1 user data, and reads a reply sealed with our subkey (Samba style)', async () => {
    const sessionKey = aes.randomKey();
    const seen: { userData?: Buffer; version?: number } = {};
    await runKpasswd({ ticket: ticketFor(Buffer.from(sessionKey)), newPassword: Buffer.from('Neẃ-Pass-1') }, kpasswdServer(sessionKey, {}, seen), now);
    expect(seen.version).toBe(1);
    expect(seen.userData?.toString('utf8')).toBe('Neẃ-Pass-1');
  });

  it('sets with ChangePasswdData (version 0xFF80) and reads a reply sealed with the server’s subkey', async () => {
    const sessionKey = aes.randomKey();
    const seen: { userData?: Buffer; version?: number } = {};
    const target = parsePrincipal('bob@OTHER.TEST', realm);
    await runKpasswd(
      { ticket: ticketFor(Buffer.from(sessionKey)), newPassword: Buffer.from('New-Pass-1'), target },
      kpasswdServer(sessionKey, { echoSubkey: true }, seen),
      now,
    );
    expect(seen.version).toBe(0xff80);
    expect(decodeChangePasswdData(seen.userData ?? Buffer.alloc(0))).toEqual({
      newPassword: Buffer.from('New-Pass-1'),
      targetName: { type: 1, components: ['bob'] },
      targetRealm: 'OTHER.TEST',
    });
  });

  it('refuses an AP-REP that does not echo the authenticator time', async () => {
    const sessionKey = aes.randomKey();
    const error = await runKpasswd({ ticket: ticketFor(Buffer.from(sessionKey)), newPassword: Buffer.from('x') }, kpasswdServer(sessionKey, { forgeTime: true }, {}), now).catch((e: unknown) => e);
    expect(isDirectoryError(error, 'protocol')).toBe(true);
  });

  it('maps Windows’s binary policy block to a policy error with rules', async () => {
    const sessionKey = aes.randomKey();
    const result = encodeKpasswdResult({
      code: 4,
      resultString: encodeAdPolicy({ minLength: 10, historyLength: 24, complexityRequired: true, maxAgeDays: 42, minAgeDays: 0 }),
    });
    const error = await runKpasswd({ ticket: ticketFor(Buffer.from(sessionKey)), newPassword: Buffer.from('x') }, kpasswdServer(sessionKey, { result }, {}), now).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'passwordPolicy', details: { failedRules: ['minLength', 'complexity', 'history'] } });
  });

  it('reads a kpasswd result carried in a KRB-ERROR’s e-data', async () => {
    const sessionKey = aes.randomKey();
    const krbErrorData = encodeKpasswdResult({ code: 3, resultString: Buffer.from('Authentication failed') });
    const error = await runKpasswd({ ticket: ticketFor(Buffer.from(sessionKey)), newPassword: Buffer.from('x') }, kpasswdServer(sessionKey, { krbErrorData }, {}), now).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalidCredentials' });
  });
});
