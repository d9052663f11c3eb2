/**
 * `npm run demo`: a local slapd with demo people (one already enrolled), the Sesame host with the real
 * engine, and Chromium in app mode when installed (otherwise the URL is printed). Ctrl+C stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { generate } from 'otplib';
import { helpdeskRights } from '../electron/helpdesk/rights';
import { addPerson } from '../test/support/host/demo-directory';
import { addToGroup } from '../test/support/slapd-users';
import { demoAnswers, enrollThroughEngine, rendererRoot, repoRoot, startStack } from '../test/support/host/stack';

const chromium = '/usr/bin/chromium';

/** Always rebuilt (about a second), so the demo never serves a stale renderer; --no-build skips it. */
async function buildRenderer(): Promise<void> {
  if (existsSync(`${rendererRoot}/index.html`) && process.argv.includes('--no-build')) return;
  console.log('Building the renderer…');
  const { build } = await import('vite');
  await build({ configFile: `${repoRoot}/vite.config.ts`, logLevel: 'warn' });
}

await buildRenderer();
console.log('Starting slapd and the Sesame host…');
const stack = await startStack({
  host: { port: Number(process.env.SESAME_DEMO_PORT ?? 0) },
  kiosk: { helpDeskOffered: true },
  // The slapd harness's help-desk group is delegated every help-desk write; its readers' group only reads.
  helpdesk: (slapd) => ({
    rights: [
      { groupDn: slapd.helpdeskGroupDn, rights: [...helpdeskRights] },
      { groupDn: slapd.helpdeskReadersGroupDn, rights: ['readState'] },
    ],
    callerVerification: 'either',
  }),
});
const alice = await addPerson(stack.slapd, 'alice', 'Alice Martin', 'Alice-Demo-2024!');
const bob = await addPerson(stack.slapd, 'bob', 'Bob Dupont', 'Bob-Demo-2024!');
const carol = await addPerson(stack.slapd, 'carol', 'Carol Weber', 'Carol-Demo-2024!');
const bobSecret = await enrollThroughEngine(stack.engine, bob.uid, bob.password, demoAnswers);
const carolSecret = await enrollThroughEngine(stack.engine, carol.uid, carol.password, demoAnswers);
const dana = await addPerson(stack.slapd, 'dana', 'Dana Keller', 'Dana-Helpdesk-2024!');
await addToGroup(stack.slapd, stack.slapd.helpdeskGroupDn, dana.dn);

const answers = Object.entries(demoAnswers)
  .map(([id, answer]) => `      ${id.padEnd(18)} ${answer}`)
  .join('\n');
console.log(`
Sesame demo is running at ${stack.host.url}

  People (directory: OpenLDAP with ppolicy, 3 bad passwords lock an account):
    alice / ${alice.password}   not enrolled: try "Set up self-service"
    bob   / ${bob.password}     enrolled: try "I forgot my password"
    carol / ${carol.password}   enrolled: try "Unlock my account" after 3 wrong sign-ins
  Help desk at ${stack.host.url}/#/helpdesk (also linked at the bottom of the start page):
    dana  / ${dana.password}  operator with every right (verify callers by their code or answers)
  Security answers of bob and carol:
${answers}
  Authenticator codes for bob and carol are printed below every 30 s.
  Ctrl+C stops the demo.
`);

async function printCodes(): Promise<void> {
  console.log(`  codes: bob ${await generate({ secret: bobSecret })}   carol ${await generate({ secret: carolSecret })}`);
}
await printCodes();
const ticker = setInterval(() => void printCodes(), 30_000);

let browser: ChildProcess | undefined;
if (existsSync(chromium) && !process.argv.includes('--no-browser')) {
  browser = spawn(chromium, [`--app=${stack.host.url}`, '--no-first-run', '--disable-sync', '--window-size=1100,900'], { stdio: 'ignore' });
  browser.on('error', () => console.log(`Could not open Chromium; open ${stack.host.url} in a browser.`));
} else {
  console.log(`Open ${stack.host.url} in a browser.`);
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  clearInterval(ticker);
  if (browser?.pid && browser.exitCode === null) browser.kill('SIGTERM');
  await stack.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
