/** KRB-PRIV / EncKrbPrivPart (RFC 4120 §5.7) and RFC 3244's ChangePasswdData. */
import {
  type EncryptedData,
  type HostAddress,
  type PrincipalName,
  PVNO,
  encryptedDataBlock,
  hostAddressBlock,
  principalNameBlock,
  readEncryptedData,
  readHostAddress,
  readPrincipalName,
} from './common';
import {
  application,
  decode,
  encode,
  fieldsOf,
  integer,
  kerberosString,
  octetString,
  readInteger,
  readOctets,
  readString,
  requireField,
  taggedSequence,
  unwrapApplication,
} from './der';
import { messageTypes } from './kdc';

/** KRB-PRIV has no field [2]. */
export const encodeKrbPriv = (encPart: EncryptedData): Buffer =>
  encode(application(messageTypes.krbPriv, taggedSequence([integer(PVNO), integer(messageTypes.krbPriv), undefined, encryptedDataBlock(encPart)])));

export function decodeKrbPriv(bytes: Uint8Array): EncryptedData {
  const fields = fieldsOf(unwrapApplication(decode(bytes), messageTypes.krbPriv, 'KRB-PRIV'), 'KRB-PRIV');
  return readEncryptedData(requireField(fields, 3, 'KRB-PRIV'));
}

export interface EncKrbPrivPart {
  userData: Buffer;
  sequenceNumber?: number;
  senderAddress?: HostAddress;
}

/** s-address is mandatory in the ASN.1, but Heimdal-based servers (Samba) send replies without it. */
export const encodeEncKrbPrivPart = (part: EncKrbPrivPart): Buffer =>
  encode(
    application(
      28,
      taggedSequence([
        octetString(part.userData),
        undefined,
        undefined,
        part.sequenceNumber === undefined ? undefined : integer(part.sequenceNumber),
        part.senderAddress ? hostAddressBlock(part.senderAddress) : undefined,
      ]),
    ),
  );

export function decodeEncKrbPrivPart(bytes: Uint8Array): EncKrbPrivPart {
  const what = 'EncKrbPrivPart';
  const fields = fieldsOf(unwrapApplication(decode(bytes), 28, what), what);
  const seq = fields.get(3);
  const sender = fields.get(4);
  return {
    userData: readOctets(requireField(fields, 0, what), what),
    ...(seq ? { sequenceNumber: readInteger(seq, what) } : {}),
    ...(sender ? { senderAddress: readHostAddress(sender) } : {}),
  };
}

export interface ChangePasswdData {
  newPassword: Buffer;
  targetName?: PrincipalName;
  targetRealm?: string;
}

export const encodeChangePasswdData = (data: ChangePasswdData): Buffer =>
  encode(
    taggedSequence([
      octetString(data.newPassword),
      data.targetName ? principalNameBlock(data.targetName) : undefined,
      data.targetRealm === undefined ? undefined : kerberosString(data.targetRealm),
    ]),
  );

export function decodeChangePasswdData(bytes: Uint8Array): ChangePasswdData {
  const what = 'ChangePasswdData';
  const fields = fieldsOf(decode(bytes), what);
  const name = fields.get(1);
  const realm = fields.get(2);
  return {
    newPassword: readOctets(requireField(fields, 0, what), what),
    ...(name ? { targetName: readPrincipalName(name) } : {}),
    ...(realm ? { targetRealm: readString(realm, what) } : {}),
  };
}
