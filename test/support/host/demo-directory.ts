/** Demo people on a fresh slapd: fixed names, readable passwords, created as the rootdn. */
import type { SlapdInfo } from '../servers';
import { adminClient } from '../slapd-users';

export interface DemoPerson {
  uid: string;
  dn: string;
  displayName: string;
  password: string;
}

export async function addPerson(info: SlapdInfo, uid: string, displayName: string, password: string): Promise<DemoPerson> {
  const dn = `uid=${uid},${info.peopleDn}`;
  const [given, ...rest] = displayName.split(' ');
  const client = await adminClient(info);
  try {
    await client.add(dn, {
      objectClass: ['top', 'person', 'organizationalPerson', 'inetOrgPerson'],
      uid,
      cn: displayName,
      givenName: given ?? displayName,
      sn: rest.join(' ') || displayName,
      displayName,
      mail: `${uid}@example.test`,
      userPassword: password,
    });
  } finally {
    await client.unbind().catch(() => undefined);
  }
  return { uid, dn, displayName, password };
}
