/**
 * `npm run host`: Sesame's host for web access, from this machine's configuration (the same one the kiosk
 * reads). Loopback and plain HTTP by default; listening beyond loopback requires TLS. A configuration that
 * does not load still serves the out-of-order start screen, and the reasons go to stderr.
 *
 *   npm run host -- [--listen 127.0.0.1] [--port 8443] [--public-host sesame.example.com]
 *                   [--tls-cert cert.pem --tls-key key.pem] [--config config.json] [--renderer dist/renderer]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { composeSesame, type ComposedSesame } from '../app/compose';
import { loadMachineConfiguration } from '../config/machine';
import { formatProblem } from '../config/problems';
import { createDispatch } from '../handlers/dispatch';
import { createHandlers, type HandlerDeps } from '../handlers/handlers';
import { createLogger } from '../logging/logger';
import { appInfoOf, outOfOrderAppInfo } from '../app/app-info';
import { startHost } from './server';

const { values } = parseArgs({
  options: {
    listen: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    'public-host': { type: 'string', multiple: true },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    config: { type: 'string' },
    renderer: { type: 'string', default: join(import.meta.dirname, '..', '..', 'dist', 'renderer') },
  },
});

const loopback = ['127.0.0.1', '::1', 'localhost'].includes(values.listen);
const tls = values['tls-cert'] && values['tls-key'] ? { certFile: values['tls-cert'], keyFile: values['tls-key'] } : undefined;
if (!loopback && !tls) {
  console.error(`host: listening on ${values.listen} needs --tls-cert and --tls-key (passwords must not cross a network in clear)`);
  process.exit(2);
}

const logger = createLogger({ level: 'info' });
const loaded = await loadMachineConfiguration(values.config ? { configFile: values.config } : {}).catch((error: unknown) => {
  console.error(`configuration: cannot load: ${error instanceof Error ? error.name : typeof error}`);
  return { ok: false as const, problems: [] };
});
let composed: ComposedSesame | undefined;
let deps: HandlerDeps = { appInfo: { ...outOfOrderAppInfo, kiosk: { ...outOfOrderAppInfo.kiosk, enabled: false } } };
if (loaded.ok) {
  composed = composeSesame(loaded.value, { logger });
  const info = appInfoOf(loaded.value);
  // In a browser there is no kiosk window to lock down; the idle timeout and flows still apply.
  // Web access serves the help desk whenever the configuration deploys one (reached at #/helpdesk); the
  // kiosk's helpDeskOffered only decides whether the start page links to it.
  deps = { appInfo: { ...info, kiosk: { ...info.kiosk, enabled: false } }, engine: composed.engine, ...(composed.helpdesk ? { helpdesk: composed.helpdesk.handlers } : {}) };
} else {
  for (const problem of loaded.problems) console.error(`configuration: ${formatProblem(problem)}`);
}

const host = await startHost(
  {
    listenHost: values.listen,
    port: Number(values.port),
    staticRoot: values.renderer,
    ...(tls ? { tls } : {}),
    ...(values['public-host'] ? { publicHostNames: values['public-host'] } : {}),
    ...(loaded.ok ? { kioskId: loaded.value.kiosk.id } : {}),
  },
  createDispatch(createHandlers(deps), logger),
  logger,
);
console.error(`Sesame host serving ${host.url}${loaded.ok ? '' : ' (out of order: configuration problems above)'}`);

const sweeper = setInterval(() => composed?.engine.sweep(), 30_000);
sweeper.unref();
async function stop(): Promise<void> {
  clearInterval(sweeper);
  await host.close();
  await composed?.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
