/**
 * The LDAP Password Modify extended operation (RFC 3062). Sesame always supplies the new password, so
 * the response's generated-password value is never needed (ldapts would decode it as UTF-8 anyway).
 */
import { BerWriter, type Client, type Control } from 'ldapts';

export const passwordModifyOid = '1.3.6.1.4.1.4203.1.11.1';

export interface PasswordModifyRequest {
  /** DN of the entry; omitted means the bound identity. */
  userIdentity?: string;
  /** Required by servers when a user changes their own password. */
  oldPassword?: string;
  newPassword: string;
}

/** PasswdModifyRequestValue ::= SEQUENCE { userIdentity [0] OPTIONAL, oldPasswd [1] OPTIONAL, newPasswd [2] OPTIONAL } */
export function encodePasswordModifyRequest(request: PasswordModifyRequest): Buffer {
  const writer = new BerWriter();
  writer.startSequence();
  // Context-specific primitive tags [0], [1], [2]; values are UTF-8 octet strings.
  if (request.userIdentity !== undefined) writer.writeString(request.userIdentity, 0x80);
  if (request.oldPassword !== undefined) writer.writeString(request.oldPassword, 0x81);
  writer.writeString(request.newPassword, 0x82);
  writer.endSequence();
  return writer.buffer;
}

export async function modifyPassword(client: Client, request: PasswordModifyRequest, controls?: Control[]): Promise<void> {
  await client.exop(passwordModifyOid, encodePasswordModifyRequest(request), controls);
}
