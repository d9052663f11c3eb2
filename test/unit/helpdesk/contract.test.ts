import { describe, expect, it } from 'vitest';
import { helpdeskRequestSchemas, maxSearchOffset } from '../../../shared/helpdesk';

const operatorSessionId = 'A'.repeat(32);
const userDn = 'uid=alice,ou=people,dc=example,dc=test';

describe('help-desk request schemas', () => {
  it('refuse unknown fields, so a forged payload cannot smuggle options', () => {
    expect(helpdeskRequestSchemas['helpdesk.unlock'].safeParse({ operatorSessionId, userDn }).success).toBe(true);
    expect(helpdeskRequestSchemas['helpdesk.unlock'].safeParse({ operatorSessionId, userDn, rights: ['unlock'] }).success).toBe(false);
    expect(helpdeskRequestSchemas['helpdesk.resetPassword'].safeParse({ operatorSessionId, userDn, newPassword: 'chosen-by-me' }).success).toBe(false);
  });

  it('verifyCaller takes either answers or a code, not both and not neither', () => {
    const schema = helpdeskRequestSchemas['helpdesk.verifyCaller'];
    expect(schema.safeParse({ operatorSessionId, userDn, code: '123456' }).success).toBe(true);
    expect(schema.safeParse({ operatorSessionId, userDn, answers: [{ questionId: 'pet', answer: 'Rex' }] }).success).toBe(true);
    expect(schema.safeParse({ operatorSessionId, userDn, code: '123456', answers: [{ questionId: 'pet', answer: 'Rex' }] }).success).toBe(false);
    expect(schema.safeParse({ operatorSessionId, userDn }).success).toBe(false);
    expect(schema.safeParse({ operatorSessionId, userDn, code: '12345a' }).success).toBe(false);
  });

  it('bounds the search offset and the query, and defaults the offset to 0', () => {
    const schema = helpdeskRequestSchemas['helpdesk.search'];
    expect(schema.parse({ operatorSessionId, query: ' ali ' })).toEqual({ operatorSessionId, query: 'ali', offset: 0 });
    expect(schema.safeParse({ operatorSessionId, query: 'ali', offset: maxSearchOffset + 1 }).success).toBe(false);
    expect(schema.safeParse({ operatorSessionId, query: '   ' }).success).toBe(false);
    expect(schema.safeParse({ operatorSessionId, query: 'x'.repeat(257) }).success).toBe(false);
  });

  it('valid-until is an ISO instant or null', () => {
    const schema = helpdeskRequestSchemas['helpdesk.setValidUntil'];
    expect(schema.safeParse({ operatorSessionId, userDn, validUntil: '2027-01-31T00:00:00Z' }).success).toBe(true);
    expect(schema.safeParse({ operatorSessionId, userDn, validUntil: null }).success).toBe(true);
    expect(schema.safeParse({ operatorSessionId, userDn, validUntil: 'next tuesday' }).success).toBe(false);
  });

  it('sign-in refuses an empty password (an empty simple bind would be anonymous)', () => {
    expect(helpdeskRequestSchemas['helpdesk.signIn'].safeParse({ username: 'op', password: '' }).success).toBe(false);
  });

  it('session ids must look like ids', () => {
    expect(helpdeskRequestSchemas['helpdesk.signOut'].safeParse({ operatorSessionId: 'short' }).success).toBe(false);
    expect(helpdeskRequestSchemas['helpdesk.signOut'].safeParse({ operatorSessionId: 'a/b'.repeat(10) }).success).toBe(false);
  });
});
