// Layer rules in the spirit of VS Code's: shared/ is the contract and depends on nothing of ours,
// electron domain code runs in plain Node (only electron/shell/ may touch Electron), renderer/ speaks
// to the main side only through shared/.
import tseslint from 'typescript-eslint';
import globals from 'globals';


export default tseslint.config(
  { ignores: ['node_modules/', '.scratch*/', 'dist/', '.tsbuild/', 'test-results/', 'playwright-report/', 'out/', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/electron/**', '**/renderer/**', '**/test/**', 'node:*', 'electron'], message: 'shared/ is the contract: it imports nothing outside itself.' }],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Domain code runs in plain Node: only electron/shell/ may import electron.' }],
        patterns: [
          { group: ['**/renderer/**', '**/test/**'], message: 'The main side does not depend on the renderer or tests.' },
          { group: ['**/shell/**'], message: 'Only the Electron shell depends on the shell; shared main-side pieces live in electron/app/.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks only through the contract in shared/.' }],
        patterns: [{ group: ['**/electron/**', '**/test/**', 'node:*', 'ldapts', 'otplib'], message: 'The renderer imports only shared/ and UI libraries.' }],
      }],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
