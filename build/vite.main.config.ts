/**
 * The main process as one ES module (dist/electron/main.js): every dependency bundled with Node's export
 * conditions, so the packaged app needs no node_modules. Electron and Node built-ins stay external.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { defineConfig } from 'vite';

const qualityDir = join(import.meta.dirname, '..', 'electron', 'directory', 'quality');

/** The common-password list is read at run time next to main.js (it is data, not code): ship it there, with its licence. */
const shipCommonPasswords = {
  name: 'sesame-ship-common-passwords',
  generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: Buffer }): string }) {
    for (const fileName of ['common-passwords.txt', 'common-passwords.LICENSE.txt']) {
      this.emitFile({ type: 'asset', fileName, source: readFileSync(join(qualityDir, fileName)) });
    }
  },
};

export default defineConfig({
  root: import.meta.dirname + '/..',
  plugins: [shipCommonPasswords],
  publicDir: false,
  ssr: { noExternal: true, target: 'node', external: ['electron'] },
  build: {
    ssr: 'electron/shell/entry.ts',
    outDir: 'dist/electron',
    emptyOutDir: false,
    target: 'node22',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    rolldownOptions: {
      external: ['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
      output: { format: 'es', entryFileNames: 'main.js', codeSplitting: false },
    },
  },
});
