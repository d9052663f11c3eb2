/**
 * RFC 3244 framing: request = length, version, AP-REQ length, AP-REQ, KRB-PRIV; reply = length,
 * version, AP-REP length, AP-REP, KRB-PRIV (or, with an AP-REP length of 0, a KRB-ERROR). The
 * KRB-PRIV's user data in a reply is a 2-byte result code followed by the result string.
 */
import { applicationTag, decode } from './asn1/der';
import { messageTypes } from './asn1/kdc';

export const kpasswdVersions = { change: 0x0001, set: 0xff80 } as const;
const HEADER = 6;

export function frameKpasswdRequest(version: number, apRequest: Uint8Array, krbPriv: Uint8Array): Buffer {
  const header = Buffer.alloc(HEADER);
  header.writeUInt16BE(HEADER + apRequest.length + krbPriv.length, 0);
  header.writeUInt16BE(version, 2);
  header.writeUInt16BE(apRequest.length, 4);
  return Buffer.concat([header, apRequest, krbPriv]);
}

export type KpasswdReply =
  | { kind: 'reply'; version: number; apReply: Buffer; krbPriv: Buffer }
  | { kind: 'error'; krbError: Buffer };

export class KpasswdFramingError extends Error {
  override readonly name = 'KpasswdFramingError';
}

export function parseKpasswdReply(bytes: Buffer): KpasswdReply {
  // Some servers answer a request they cannot parse with a bare KRB-ERROR.
  if (bytes[0] === 0x7e && isBareKrbError(bytes)) return { kind: 'error', krbError: bytes };
  if (bytes.length < HEADER) throw new KpasswdFramingError('kpasswd reply shorter than its header');
  const length = bytes.readUInt16BE(0);
  const version = bytes.readUInt16BE(2);
  const apReplyLength = bytes.readUInt16BE(4);
  if (length !== bytes.length) throw new KpasswdFramingError(`kpasswd reply length field ${length} but ${bytes.length} bytes received`);
  if (HEADER + apReplyLength > length) throw new KpasswdFramingError('kpasswd AP-REP length exceeds the message');
  const rest = bytes.subarray(HEADER + apReplyLength);
  if (apReplyLength === 0) return { kind: 'error', krbError: rest };
  return { kind: 'reply', version, apReply: bytes.subarray(HEADER, HEADER + apReplyLength), krbPriv: rest };
}

function isBareKrbError(bytes: Buffer): boolean {
  try {
    return applicationTag(decode(bytes)) === messageTypes.krbError;
  } catch {
    return false;
  }
}

export interface KpasswdResult {
  code: number;
  resultString: Buffer;
}

export function parseKpasswdResult(userData: Buffer): KpasswdResult {
  if (userData.length < 2) throw new KpasswdFramingError('kpasswd result shorter than its code');
  return { code: userData.readUInt16BE(0), resultString: userData.subarray(2) };
}

export function encodeKpasswdResult(result: KpasswdResult): Buffer {
  const code = Buffer.alloc(2);
  code.writeUInt16BE(result.code);
  return Buffer.concat([code, result.resultString]);
}
