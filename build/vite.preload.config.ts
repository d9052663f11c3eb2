/**
 * The preload as one CommonJS file (dist/electron/preload.cjs): sandboxed preloads can neither be ES
 * modules nor require anything but a few electron modules, so it is self-contained apart from electron.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname + '/..',
  publicDir: false,
  build: {
    outDir: 'dist/electron',
    emptyOutDir: false,
    target: 'chrome140',
    minify: false,
    copyPublicDir: false,
    lib: { entry: 'electron/shell/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
    rolldownOptions: { external: ['electron'] },
  },
});
