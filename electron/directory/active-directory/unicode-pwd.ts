/**
 * AD's password attribute: unicodePwd takes the password in double quotes, UTF-16LE. A reset replaces
 * it (needs the Reset Password right); a change deletes the old value and adds the new one in ONE
 * modify (needs only the old password: AD grants Change Password to Everyone).
 */
import { Attribute, Change } from 'ldapts';

export function encodeUnicodePwd(password: string): Buffer {
  return Buffer.from(`"${password}"`, 'utf16le');
}

export function resetChange(newPassword: string): Change {
  return new Change({ operation: 'replace', modification: new Attribute({ type: 'unicodePwd', values: [encodeUnicodePwd(newPassword)] }) });
}

export function changeChanges(currentPassword: string, newPassword: string): Change[] {
  return [
    new Change({ operation: 'delete', modification: new Attribute({ type: 'unicodePwd', values: [encodeUnicodePwd(currentPassword)] }) }),
    new Change({ operation: 'add', modification: new Attribute({ type: 'unicodePwd', values: [encodeUnicodePwd(newPassword)] }) }),
  ];
}

export function replaceValue(type: string, value: string): Change {
  return new Change({ operation: 'replace', modification: new Attribute({ type, values: [value] }) });
}
