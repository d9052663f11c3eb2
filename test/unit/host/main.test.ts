/** `npm run host` as a process: refuses clear text beyond loopback; without a configuration, out of order. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeStaticRoot } from '../../support/host/static-root';
import { rawRequest } from '../../support/host/http-client';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const children: ChildProcess[] = [];

function runHost(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, 'electron', 'host', 'main.ts'), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

describe('npm run host', () => {
  it('refuses to listen beyond loopback without TLS', async () => {
    const run = runHost(['--listen', '0.0.0.0']);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('needs --tls-cert and --tls-key');
  }, 30_000);

  it('serves the out-of-order start screen when the configuration does not load', async () => {
    const { root } = await makeStaticRoot();
    const dir = await mkdtemp(join(tmpdir(), 'sesame-host-main-'));
    const config = join(dir, 'config.json');
    await writeFile(config, JSON.stringify({ directory: { kind: 'nonsense' } }));
    const run = runHost(['--renderer', root, '--config', config]);
    const deadline = Date.now() + 20_000;
    let url: string | undefined;
    while (!url && Date.now() < deadline) {
      url = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(run.output())?.[1];
      if (!url) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(url, run.output()).toBeDefined();
    expect(run.output()).toContain('configuration: ');
    const page = await rawRequest(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('&quot;serviceAvailable&quot;:false');
  }, 30_000);
});
