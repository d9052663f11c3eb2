import { describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { checkTotp, currentStep, newTotpSecret, totpUri } from '../../../electron/gates/totp/totp';
import { qrSvg } from '../../../electron/gates/totp/qr';
import { open, seal } from '../../../electron/gates/totp/secret-box';
import { randomBytes } from 'node:crypto';

const settings = { issuer: 'Sesame', digits: 6 as const, periodSeconds: 30, windowSteps: 1 };
const t0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const codeAt = (secret: string, ms: number) => generate({ secret, epoch: Math.floor(ms / 1000) });

describe('TOTP', () => {
  it('accepts the current code and returns its step', async () => {
    const secret = newTotpSecret();
    const result = await checkTotp(secret, await codeAt(secret, t0), t0, settings, undefined);
    expect(result).toEqual({ ok: true, step: currentStep(t0, settings) });
  });

  it('accepts a code one step away and reports the matched step, not the current one', async () => {
    const secret = newTotpSecret();
    const previous = await codeAt(secret, t0 - 30_000);
    expect(await checkTotp(secret, previous, t0, settings, undefined)).toEqual({ ok: true, step: currentStep(t0, settings) - 1 });
  });

  it('refuses a code outside the window', async () => {
    const secret = newTotpSecret();
    const old = await codeAt(secret, t0 - 90_000);
    expect(await checkTotp(secret, old, t0, settings, undefined)).toEqual({ ok: false, reason: 'wrongCode' });
    expect(await checkTotp(secret, old, t0, { ...settings, windowSteps: 3 }, undefined)).toMatchObject({ ok: true });
  });

  it('refuses a replayed step and any earlier step', async () => {
    const secret = newTotpSecret();
    const code = await codeAt(secret, t0);
    const first = await checkTotp(secret, code, t0, settings, undefined);
    if (!first.ok) throw new Error('first use refused');
    expect(await checkTotp(secret, code, t0 + 5_000, settings, first.step)).toEqual({ ok: false, reason: 'replayed' });
    const earlier = await codeAt(secret, t0 - 30_000);
    expect(await checkTotp(secret, earlier, t0, settings, first.step)).toEqual({ ok: false, reason: 'replayed' });
    const next = await codeAt(secret, t0 + 30_000);
    expect(await checkTotp(secret, next, t0 + 30_000, settings, first.step)).toEqual({ ok: true, step: first.step + 1 });
  });

  it('refuses a wrong code', async () => {
    const secret = newTotpSecret();
    const right = await codeAt(secret, t0);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(await checkTotp(secret, wrong, t0, settings, undefined)).toEqual({ ok: false, reason: 'wrongCode' });
  });

  it('builds an otpauth URI and an SVG QR code', async () => {
    const secret = newTotpSecret();
    const uri = totpUri(secret, 'alice', settings);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Sesame:alice\?/);
    expect(uri).toContain(`secret=${secret}`);
    const svg = await qrSvg(uri);
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });
});

describe('secret box', () => {
  const key = randomBytes(32);

  it('round-trips and hides the plaintext', () => {
    const sealed = seal('JBSWY3DPEHPK3PXPJBSWY3DP', key, 'cn=alice');
    expect(sealed).not.toContain('JBSWY3DP');
    expect(open(sealed, key, 'cn=alice')).toBe('JBSWY3DPEHPK3PXPJBSWY3DP');
  });

  it('refuses another key, another owner or a tampered value', () => {
    const sealed = seal('secret', key, 'cn=alice');
    expect(() => open(sealed, randomBytes(32), 'cn=alice')).toThrow(/does not open/);
    expect(() => open(sealed, key, 'cn=mallory')).toThrow(/does not open/);
    const raw = Buffer.from(sealed, 'base64url');
    raw[raw.length - 1]! ^= 1;
    expect(() => open(raw.toString('base64url'), key, 'cn=alice')).toThrow(/does not open/);
  });
});
