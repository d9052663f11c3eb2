import { describe, expect, it } from 'vitest';
import { allowedActions, rightsFor, rightsMappingSchema } from '../../../electron/helpdesk/rights';

const mapping = rightsMappingSchema.parse([
  { groupDn: 'CN=Helpdesk Readers,OU=Groups,DC=example,DC=test', rights: ['readState'] },
  { groupDn: 'cn=helpdesk,ou=groups,dc=example,dc=test', rights: ['readState', 'unlock', 'resetPassword'] },
]);

describe('rightsFor', () => {
  it('grants the union of every mapped group the operator belongs to, DNs compared loosely', () => {
    const rights = rightsFor(['CN=Helpdesk, OU=Groups, DC=example, DC=test', 'cn=other,dc=example,dc=test'], mapping);
    expect([...rights].sort()).toEqual(['readState', 'resetPassword', 'unlock']);
  });
  it('grants nothing to an operator in no mapped group', () => {
    expect(rightsFor(['cn=staff,dc=example,dc=test'], mapping).size).toBe(0);
  });
  it('lists allowed actions in a stable order', () => {
    expect(allowedActions(rightsFor(['cn=helpdesk readers,ou=groups,dc=example,dc=test'], mapping))).toEqual(['readState']);
  });
  it('refuses an unknown right in configuration', () => {
    expect(() => rightsMappingSchema.parse([{ groupDn: 'cn=x', rights: ['deleteEverything'] }])).toThrow();
  });
});
