/**
 * The main process as one ES module (dist/electron/main.js): every dependency bundled with Node's export
 * conditions, so the packaged app needs no node_modules. Electron and Node built-ins stay external.
 */
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname + '/..',
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
