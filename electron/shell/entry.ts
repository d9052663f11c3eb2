/** The packaged app's main-process entry (bundled to dist/electron/main.js next to preload.cjs). */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { composeSesame } from '../app/compose';
import { configuredShellOptions } from './configured';
import { startShell } from './main';

const here = import.meta.dirname;
startShell(
  configuredShellOptions({
    rendererDir: join(here, '..', 'renderer'),
    preloadPath: join(here, 'preload.cjs'),
    hostName: hostname(),
    composeEngine: (config) => composeSesame(config).engine,
  }),
).catch((error: unknown) => {
  console.error('Sesame could not start:', error instanceof Error ? error.message : String(error));
  process.exit(1);
});
