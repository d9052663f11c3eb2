/** KRB-ERROR (RFC 4120 §5.9.1) and the error codes the password exchanges act on. */
import { type PrincipalName, PVNO, principalNameBlock, readPrincipalName } from './common';
import {
  application,
  applicationTag,
  decode,
  encode,
  fieldsOf,
  integer,
  kerberosString,
  kerberosTime,
  octetString,
  readInteger,
  readOctets,
  readString,
  readTime,
  requireField,
  taggedSequence,
  unwrapApplication,
} from './der';
import { messageTypes } from './kdc';

export const krbErrorCodes = {
  clientUnknown: 6,
  serverUnknown: 7,
  etypeNotSupported: 14,
  clientRevoked: 18,
  keyExpired: 23,
  preauthFailed: 24,
  preauthRequired: 25,
  badIntegrity: 31,
  clockSkew: 37,
  responseTooBig: 52,
  wrongRealm: 68,
} as const;

export interface KrbError {
  errorCode: number;
  serverTime: Date;
  serverMicroseconds: number;
  realm: string;
  server: PrincipalName;
  text?: string;
  data?: Buffer;
}

export function encodeKrbError(error: KrbError): Buffer {
  return encode(
    application(
      messageTypes.krbError,
      taggedSequence([
        integer(PVNO),
        integer(messageTypes.krbError),
        undefined,
        undefined,
        kerberosTime(error.serverTime),
        integer(error.serverMicroseconds),
        integer(error.errorCode),
        undefined,
        undefined,
        kerberosString(error.realm),
        principalNameBlock(error.server),
        error.text === undefined ? undefined : kerberosString(error.text),
        error.data ? octetString(error.data) : undefined,
      ]),
    ),
  );
}

export const isKrbError = (bytes: Uint8Array): boolean => {
  try {
    return applicationTag(decode(bytes)) === messageTypes.krbError;
  } catch {
    return false;
  }
};

export function decodeKrbError(bytes: Uint8Array): KrbError {
  const what = 'KRB-ERROR';
  const fields = fieldsOf(unwrapApplication(decode(bytes), messageTypes.krbError, what), what);
  const text = fields.get(11);
  const data = fields.get(12);
  const usec = fields.get(5);
  return {
    errorCode: readInteger(requireField(fields, 6, what), what),
    serverTime: readTime(requireField(fields, 4, what), what),
    serverMicroseconds: usec ? readInteger(usec, what) : 0,
    realm: readString(requireField(fields, 9, what), what),
    server: readPrincipalName(requireField(fields, 10, what)),
    ...(text ? { text: readString(text, what) } : {}),
    ...(data ? { data: readOctets(data, what) } : {}),
  };
}
