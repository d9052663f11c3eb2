/** The production renderer build stays within its budget and carries no runtime schemas (zod stays main-side). */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

describe('renderer bundle', () => {
  let outDir: string;
  let scripts: { name: string; text: string }[];
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'sesame-renderer-bundle-'));
    await build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const files = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith('.js'));
    scripts = await Promise.all(files.map(async (name) => ({ name, text: await readFile(join(outDir, name), 'utf8') })));
  }, 60_000);
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('keeps all JavaScript within 150 KB gzip', () => {
    const total = scripts.reduce((sum, s) => sum + gzipSync(s.text, { level: 9 }).length, 0);
    expect(total / 1024).toBeLessThanOrEqual(150);
  });

  it('bundles no zod (the renderer imports only types and schema-free modules from shared/)', () => {
    for (const script of scripts) expect(script.text, script.name).not.toMatch(/ZodError|\$ZodType/);
  });

  it('has no inline script or style in the page (the CSP allows none)', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
  });
});
