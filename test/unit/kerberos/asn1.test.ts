import { describe, expect, it } from 'vitest';
import { Asn1DecodeError, decode } from '../../../electron/kerberos/asn1/der';
import {
  decodeAsReply,
  decodeAsRequest,
  decodeEncKdcReplyPart,
  decodeEncryptedTimestamp,
  decodeEtypeInfo2,
  encodeAsReply,
  encodeAsRequest,
  encodeEncKdcReplyPart,
  encodeEncryptedTimestamp,
  encodeEtypeInfo2,
  type AsReply,
  type AsRequest,
} from '../../../electron/kerberos/asn1/kdc';
import { decodeKrbError, encodeKrbError, isKrbError } from '../../../electron/kerberos/asn1/krb-error';
import {
  decodeApReply,
  decodeApRequest,
  decodeAuthenticator,
  decodeEncApReplyPart,
  encodeApReply,
  encodeApRequest,
  encodeAuthenticator,
  encodeEncApReplyPart,
} from '../../../electron/kerberos/asn1/ap';
import {
  decodeChangePasswdData,
  decodeEncKrbPrivPart,
  decodeKrbPriv,
  encodeChangePasswdData,
  encodeEncKrbPrivPart,
  encodeKrbPriv,
} from '../../../electron/kerberos/asn1/priv';

const alice = { type: 1, components: ['alice'] };
const changepw = { type: 2, components: ['kadmin', 'changepw'] };
const time = new Date('2026-11-23T07:30:15Z');
const ticket = { realm: 'EXAMPLE.TEST', server: changepw, encPart: { etype: 18, kvno: 2, cipher: Buffer.from('sealed ticket') } };

describe('Kerberos DER messages round-trip', () => {
  it('AS-REQ with pre-authentication and KDC options', () => {
    const request: AsRequest = {
      padata: [{ type: 2, value: Buffer.from([1, 2, 3]) }],
      options: [1, 3, 27],
      client: alice,
      realm: 'EXAMPLE.TEST',
      server: changepw,
      till: time,
      nonce: 0x7fffffff,
      etypes: [18, 17],
    };
    const bytes = encodeAsRequest(request);
    expect(bytes[0]).toBe(0x6a); // [APPLICATION 10], constructed
    expect(decodeAsRequest(bytes)).toEqual(request);
    expect(decodeAsRequest(encodeAsRequest({ ...request, padata: [] })).padata).toEqual([]);
  });

  it('AS-REP with its ticket, and the encrypted part', () => {
    const reply: AsReply = {
      padata: [{ type: 19, value: Buffer.from([0x30, 0x00]) }],
      clientRealm: 'EXAMPLE.TEST',
      client: alice,
      ticket,
      encPart: { etype: 18, cipher: Buffer.from('sealed reply') },
    };
    expect(decodeAsReply(encodeAsReply(reply))).toEqual(reply);
    const part = {
      key: { type: 18, value: Buffer.alloc(32, 7) },
      nonce: 12345,
      authTime: time,
      endTime: new Date(time.getTime() + 300_000),
      serverRealm: 'EXAMPLE.TEST',
      server: changepw,
    };
    expect(decodeEncKdcReplyPart(encodeEncKdcReplyPart(part))).toEqual(part);
  });

  it('PA-ENC-TS-ENC drops sub-second precision into the microseconds field', () => {
    const bytes = encodeEncryptedTimestamp({ time: new Date('2026-11-23T07:30:15.678Z'), microseconds: 678_000 });
    expect(decodeEncryptedTimestamp(bytes)).toEqual({ time, microseconds: 678_000 });
    expect(bytes.includes(Buffer.from('20261123073015Z'))).toBe(true);
  });

  it('ETYPE-INFO2 keeps salt bytes and s2kparams, and allows them absent', () => {
    const entries = [
      { etype: 18, salt: Buffer.from('EXAMPLE.TESTalice'), s2kParams: Buffer.from([0, 0, 0x10, 0]) },
      { etype: 17 },
    ];
    expect(decodeEtypeInfo2(encodeEtypeInfo2(entries))).toEqual(entries);
  });

  it('KRB-ERROR with text and e-data', () => {
    const error = {
      errorCode: 25,
      serverTime: time,
      serverMicroseconds: 42,
      realm: 'EXAMPLE.TEST',
      server: changepw,
      text: 'Additional pre-authentication required',
      data: Buffer.from([0x30, 0x00]),
    };
    const bytes = encodeKrbError(error);
    expect(isKrbError(bytes)).toBe(true);
    expect(isKrbError(encodeKrbPriv({ etype: 18, cipher: Buffer.alloc(30) }))).toBe(false);
    expect(decodeKrbError(bytes)).toEqual(error);
  });

  it('AP-REQ, Authenticator with subkey and sequence number, AP-REP', () => {
    const request = { ticket, authenticator: { etype: 18, cipher: Buffer.from('sealed authenticator') } };
    expect(decodeApRequest(encodeApRequest(request))).toEqual(request);
    const authenticator = {
      clientRealm: 'EXAMPLE.TEST',
      client: alice,
      microseconds: 999_999,
      time,
      subkey: { type: 18, value: Buffer.alloc(32, 1) },
      sequenceNumber: 77,
    };
    expect(decodeAuthenticator(encodeAuthenticator(authenticator))).toEqual(authenticator);
    const encPart = { etype: 17, cipher: Buffer.from('sealed ap-rep') };
    expect(decodeApReply(encodeApReply(encPart))).toEqual(encPart);
    const repPart = { time, microseconds: 5, sequenceNumber: 9 };
    expect(decodeEncApReplyPart(encodeEncApReplyPart(repPart))).toEqual(repPart);
  });

  it('KRB-PRIV, EncKrbPrivPart and ChangePasswdData', () => {
    const encPart = { etype: 18, cipher: Buffer.from('sealed priv') };
    expect(decodeKrbPriv(encodeKrbPriv(encPart))).toEqual(encPart);
    const part = { userData: Buffer.from([0, 4, 1]), sequenceNumber: 1, senderAddress: { type: 2, address: Buffer.from([127, 0, 0, 1]) } };
    expect(decodeEncKrbPrivPart(encodeEncKrbPrivPart(part))).toEqual(part);
    const data = { newPassword: Buffer.from('pàss wörd', 'utf8'), targetName: alice, targetRealm: 'EXAMPLE.TEST' };
    expect(decodeChangePasswdData(encodeChangePasswdData(data))).toEqual(data);
    expect(decodeChangePasswdData(encodeChangePasswdData({ newPassword: Buffer.from('x') }))).toEqual({ newPassword: Buffer.from('x') });
  });

  it('non-ASCII principal names travel as UTF-8', () => {
    const request = decodeAsRequest(
      encodeAsRequest({ padata: [], options: [], client: { type: 1, components: ['jürgen'] }, realm: 'EXAMPLE.TEST', server: changepw, till: time, nonce: 1, etypes: [18] }),
    );
    expect(request.client.components).toEqual(['jürgen']);
  });

  it('rejects malformed input and the wrong message type', () => {
    expect(() => decode(Buffer.from([0x30, 0x05, 0x01]))).toThrow(Asn1DecodeError);
    expect(() => decode(Buffer.concat([encodeKrbPriv({ etype: 18, cipher: Buffer.alloc(1) }), Buffer.from([0])]))).toThrow(/trailing/);
    expect(() => decodeAsReply(encodeKrbPriv({ etype: 18, cipher: Buffer.alloc(1) }))).toThrow(/APPLICATION 11/);
  });
});
