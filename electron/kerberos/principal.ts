/** Principal names as users type them: `name`, `name@REALM`, `service/host@REALM` (RFC 1964 quoting with `\`). */
import { DirectoryError } from '../directory/errors';
import { type PrincipalName, nameTypes } from './asn1/common';

export interface Principal {
  name: PrincipalName;
  realm: string;
}

export function parsePrincipal(text: string, defaultRealm: string): Principal {
  const components: string[] = [];
  let current = '';
  let realm: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\\' && i + 1 < text.length) {
      current += text[++i];
    } else if (char === '/' && realm === undefined) {
      components.push(current);
      current = '';
    } else if (char === '@' && realm === undefined) {
      components.push(current);
      current = '';
      realm = '';
    } else {
      current += char;
    }
  }
  if (realm === undefined) components.push(current);
  else realm = current;
  if (components.some((part) => part.length === 0) || realm === '') {
    throw new DirectoryError('invalidInput', 'Kerberos principal name has an empty component or realm');
  }
  const type = components.length > 1 ? nameTypes.serviceInstance : nameTypes.principal;
  return { name: { type, components }, realm: realm ?? defaultRealm };
}

const quote = (part: string): string => part.replace(/[\\/@]/g, (char) => `\\${char}`);

export const formatPrincipal = (principal: Principal): string =>
  `${principal.name.components.map(quote).join('/')}@${quote(principal.realm)}`;

/** RFC 3962 default salt: the realm followed by every name component, unseparated. */
export const defaultSalt = (principal: Principal): Buffer =>
  Buffer.from(principal.realm + principal.name.components.join(''), 'utf8');

export const changePasswordService = (realm: string): Principal => ({
  name: { type: nameTypes.serviceInstance, components: ['kadmin', 'changepw'] },
  realm,
});
