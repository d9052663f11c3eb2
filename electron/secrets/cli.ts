/**
 * Administrator command for Sesame's secrets (never in policy or config files):
 *   npm run secrets -- set <name>        reads the value from stdin; typed without echo, asked twice
 *   npm run secrets -- generate <name>   stores a fresh random 32-byte key (the two keys only)
 *   npm run secrets -- status            which secrets are set (never their values)
 * Options: --dir <folder>, --owner-uid <uid> (staging a root-only store under another account).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { platformSecretStore } from './platform-store';
import { isSecretName, secretDescriptions, secretNames } from './store';
import type { SecretName } from './store';

const say = (line: string): void => void process.stderr.write(`${line}\n`);

/** Reads one line from a terminal without echoing it. */
function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const onData = (chunk: Buffer): void => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new Error('cancelled'));
          return;
        }
        value = char === '\u007f' || char === '\b' ? value.slice(0, -1) : value + char;
      }
    };
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function readSecretValue(name: SecretName): Promise<string> {
  if (!process.stdin.isTTY) return readPiped();
  const first = await promptHidden(`${name} (${secretDescriptions[name]}): `);
  const second = await promptHidden('again: ');
  if (first !== second) throw new Error('the two entries differ; nothing stored');
  return first;
}

function checkValue(name: SecretName, value: string): void {
  if (value === '') throw new Error('empty value; nothing stored');
  if (name !== 'servicePassword' && Buffer.from(value, 'base64').length !== 32) {
    throw new Error(`${name} must be 32 bytes, base64 encoded (use: generate ${name})`);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { dir: { type: 'string' }, 'owner-uid': { type: 'string' } },
  });
  const store = platformSecretStore({
    dir: values.dir,
    ownerUid: values['owner-uid'] === undefined ? undefined : Number(values['owner-uid']),
  });
  const [command, name] = positionals;
  if (command === 'status') {
    for (const secret of secretNames) say(`${secret}: ${(await store.get(secret)) === undefined ? 'not set' : 'set'} (${store.description})`);
    return;
  }
  if ((command !== 'set' && command !== 'generate') || name === undefined || !isSecretName(name)) {
    say(`usage: npm run secrets -- set|generate <${secretNames.join('|')}>  or  status`);
    process.exitCode = 2;
    return;
  }
  if (command === 'generate' && name === 'servicePassword') throw new Error('the service password is the directory account\'s: use set');
  const value = command === 'generate' ? randomBytes(32).toString('base64') : await readSecretValue(name);
  checkValue(name, value);
  await store.set(name, value);
  say(`${name} stored (${store.description})`);
}

main().catch((error: unknown) => {
  say(`sesame-secrets: ${(error as Error).message}`);
  process.exitCode = 1;
});
