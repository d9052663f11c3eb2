import { describe, expect, it } from 'vitest';
import { encodeKrbError } from '../../../electron/kerberos/asn1/krb-error';
import {
  encodeKpasswdResult,
  frameKpasswdRequest,
  KpasswdFramingError,
  kpasswdVersions,
  parseKpasswdReply,
  parseKpasswdResult,
} from '../../../electron/kerberos/kpasswd-message';

const krbError = encodeKrbError({
  errorCode: 41,
  serverTime: new Date('2026-11-23T00:00:00Z'),
  serverMicroseconds: 0,
  realm: 'EXAMPLE.TEST',
  server: { type: 2, components: ['kadmin', 'changepw'] },
});

describe('kpasswd framing (RFC 3244)', () => {
  it('frames a request with total length, version and AP-REQ length', () => {
    const framed = frameKpasswdRequest(kpasswdVersions.set, Buffer.from('apreq'), Buffer.from('priv!!'));
    expect(framed.readUInt16BE(0)).toBe(framed.length);
    expect(framed.readUInt16BE(2)).toBe(0xff80);
    expect(framed.readUInt16BE(4)).toBe(5);
    expect(framed.subarray(6).toString()).toBe('apreqpriv!!');
  });

  it('splits a reply into AP-REP and KRB-PRIV', () => {
    const reply = frameKpasswdRequest(1, Buffer.from('aprep'), Buffer.from('priv'));
    expect(parseKpasswdReply(reply)).toEqual({ kind: 'reply', version: 1, apReply: Buffer.from('aprep'), krbPriv: Buffer.from('priv') });
  });

  it('reads a KRB-ERROR after an empty AP-REP, and a bare KRB-ERROR', () => {
    const header = Buffer.from([0, 0, 0, 1, 0, 0]);
    header.writeUInt16BE(6 + krbError.length, 0);
    expect(parseKpasswdReply(Buffer.concat([header, krbError]))).toEqual({ kind: 'error', krbError });
    expect(parseKpasswdReply(krbError)).toEqual({ kind: 'error', krbError });
  });

  it('rejects inconsistent lengths', () => {
    const reply = frameKpasswdRequest(1, Buffer.from('aprep'), Buffer.from('priv'));
    expect(() => parseKpasswdReply(reply.subarray(0, reply.length - 1))).toThrow(KpasswdFramingError);
    const lying = Buffer.from(reply);
    lying.writeUInt16BE(200, 4);
    expect(() => parseKpasswdReply(lying)).toThrow(/exceeds/);
    expect(() => parseKpasswdReply(Buffer.from([0, 2]))).toThrow(KpasswdFramingError);
  });

  it('reads result code and string', () => {
    const data = encodeKpasswdResult({ code: 4, resultString: Buffer.from('too short') });
    expect(parseKpasswdResult(data)).toEqual({ code: 4, resultString: Buffer.from('too short') });
    expect(() => parseKpasswdResult(Buffer.from([4]))).toThrow(KpasswdFramingError);
  });
});
