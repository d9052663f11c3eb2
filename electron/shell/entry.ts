/** The packaged app's main-process entry (bundled to dist/electron/main.js next to preload.cjs). */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { composeSesame, type ComposedSesame } from '../app/compose';
import type { SesameConfiguration } from '../config/schema';
import { configuredShellOptions } from './configured';
import { startShell } from './main';

const here = import.meta.dirname;
// The engine and the help desk come from one composition: one service connection, one store, one audit log.
let composed: ComposedSesame | undefined;
const composeOnce = (config: SesameConfiguration): ComposedSesame => (composed ??= composeSesame(config));
startShell(
  configuredShellOptions({
    rendererDir: join(here, '..', 'renderer'),
    preloadPath: join(here, 'preload.cjs'),
    hostName: hostname(),
    composeEngine: (config) => composeOnce(config).engine,
    composeHelpdesk: (config) => composeOnce(config).helpdesk?.handlers,
  }),
).catch((error: unknown) => {
  console.error('Sesame could not start:', error instanceof Error ? error.message : String(error));
  process.exit(1);
});
