/** A stand-in built renderer for host tests: an index page, a hashed asset, and a secret outside the root. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function makeStaticRoot(): Promise<{ root: string; outside: string }> {
  const base = await mkdtemp(join(tmpdir(), 'sesame-host-'));
  const root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><html><head><title>Sesame</title><script type="module" src="/assets/app-abc123.js"></script></head><body></body></html>');
  await writeFile(join(root, 'assets', 'app-abc123.js'), 'console.log("app")');
  const outside = join(base, 'secret.txt');
  await writeFile(outside, 'outside the root');
  return { root, outside };
}
