import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyAnswer } from '../../../electron/gates/answers/hash';
import { DecoyDeriver } from '../../../electron/gates/decoy';
import { checkTotp } from '../../../electron/gates/totp/totp';

const catalogue = ['pet', 'city', 'school', 'street', 'film', 'teacher'];
const params = { N: 1024, r: 8, p: 1, keyLength: 32 };

describe('decoy gates', () => {
  const decoys = new DecoyDeriver(randomBytes(32));

  it('derive the same questions for the same name, however it is typed', () => {
    const ids = decoys.questionIds('Mallory', catalogue, 3);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => catalogue.includes(id))).toBe(true);
    expect(decoys.questionIds('  mallory ', catalogue, 3)).toEqual(ids);
    expect(decoys.user('Mallory').dn).toBe(decoys.user('mallory').dn);
  });

  it('spread names over the catalogue and depend on the key', () => {
    const sets = new Set(Array.from({ length: 40 }, (_, i) => decoys.questionIds(`user${i}`, catalogue, 3).join()));
    expect(sets.size).toBeGreaterThan(5);
    const other = new DecoyDeriver(randomBytes(32));
    const differing = Array.from({ length: 20 }, (_, i) => `user${i}`).filter((n) => other.questionIds(n, catalogue, 3).join() !== decoys.questionIds(n, catalogue, 3).join());
    expect(differing.length).toBeGreaterThan(0);
  });

  it('give answer hashes shaped like real ones that nothing matches', async () => {
    const [hash] = decoys.answers('mallory', ['pet'], params);
    expect(hash).toMatchObject({ questionId: 'pet', params });
    expect(hash!.salt).toHaveLength(16);
    expect(hash!.hash).toHaveLength(32);
    expect(await verifyAnswer('rex', hash!)).toBe(false);
  });

  it('give a valid base32 TOTP secret and a pseudo-DN that no directory entry has', async () => {
    const secret = decoys.totpSecret('mallory');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const settings = { issuer: 'Sesame', digits: 6 as const, periodSeconds: 30, windowSteps: 1 };
    expect((await checkTotp(secret, '123456', Date.now(), settings, undefined)).ok).toBeTypeOf('boolean');
    expect(decoys.user('mallory').dn).toMatch(/^decoy:[0-9a-f]{32}$/);
  });
});
