/**
 * Active Directory (and Samba) say *why* a KDC request was refused in the KRB-ERROR's e-data: a PA-DATA
 * of type PA-PW-SALT (3) holding KERB-EXT-ERROR, whose first 4 bytes are the NTSTATUS, little-endian
 * (MS-KILE 2.2.1). Windows may send the same pair as a single KERB-ERROR-DATA instead of a METHOD-DATA.
 */
import type { DirectoryErrorCode } from '../directory/errors';
import { type Block, decode, readSequence } from './asn1/der';
import { readPaData } from './asn1/common';

const PA_PW_SALT = 3;
const KERB_EXT_ERROR_LENGTH = 12;

export const ntStatusCodes: ReadonlyMap<number, DirectoryErrorCode> = new Map([
  [0xc0000234, 'accountLocked'], // STATUS_ACCOUNT_LOCKED_OUT
  [0xc0000072, 'accountDisabled'], // STATUS_ACCOUNT_DISABLED
  [0xc0000193, 'accountExpired'], // STATUS_ACCOUNT_EXPIRED
  [0xc000006f, 'accountRestricted'], // STATUS_INVALID_LOGON_HOURS
  [0xc0000070, 'accountRestricted'], // STATUS_INVALID_WORKSTATION
  [0xc0000071, 'passwordExpired'], // STATUS_PASSWORD_EXPIRED
  [0xc0000224, 'passwordMustChange'], // STATUS_PASSWORD_MUST_CHANGE
  [0xc000006a, 'invalidCredentials'], // STATUS_WRONG_PASSWORD
]);

/** The NTSTATUS in a KRB-ERROR's e-data, when there is one. */
export function ntStatusFromErrorData(data: Uint8Array | undefined): number | undefined {
  if (!data || data.length === 0) return undefined;
  let entries: Block[];
  try {
    const top = decode(data);
    const children = readSequence(top, 'e-data');
    // METHOD-DATA is a SEQUENCE OF SEQUENCE; KERB-ERROR-DATA is one SEQUENCE of tagged fields.
    entries = children.every((child) => child.idBlock.tagClass === 3) ? [top] : children;
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    try {
      const pa = readPaData(entry);
      if (pa.type === PA_PW_SALT && pa.value.length === KERB_EXT_ERROR_LENGTH) return pa.value.readUInt32LE(0);
    } catch {
      // not a PA-DATA: keep looking
    }
  }
  return undefined;
}

export const formatNtStatus = (status: number): string => `0x${status.toString(16).toUpperCase().padStart(8, '0')}`;
