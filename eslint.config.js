// One linter for the whole tree. The layer rules enforce ARCHITECTURE.md's one-way imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'http', 'https', 'net', 'stream', 'worker_threads'];
const pattern = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // CommonJS launchers: plain Node scripts by design.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // common/: pure. No Node, no DOM frameworks, no Electron, and nothing from the outer layers.
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(nodeBuiltins, 'common/ is pure: no Node built-ins.'),
        pattern(['electron', 'react', 'react-dom', 'better-sqlite3*'], 'common/ is pure: no Electron, React or SQLite.'),
        pattern(['**/db/**', '**/main/**', '**/renderer/**', '**/preload/**', '**/lender/**'], 'common/ imports nothing from outer layers.'),
      ] }],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(['electron', 'react', 'react-dom'], 'db/ is plain Node.'),
        pattern(['**/main/**', '**/renderer/**', '**/preload/**', '**/lender/**'], 'db/ imports only common/.'),
      ] }],
    },
  },
  {
    files: ['main/backend/**/*.ts', 'main/cli/**/*.ts', 'main/host/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(['electron'], 'Only main/electron may import Electron.'),
        pattern(['**/renderer/**', '**/preload/**'], 'The backend never imports UI code.'),
      ] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx', 'preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(nodeBuiltins, 'The renderer and preload never see Node.'),
        pattern(['better-sqlite3*'], 'The renderer never touches the database.'),
        pattern(['**/db/**', '**/main/**', '**/lender/**'], 'renderer/ and preload/ import common/ only.'),
      ] }],
    },
  },
  {
    files: ['lender/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(['electron', 'react', 'react-dom'], 'lender/ is a plain Node server.'),
        pattern(['**/main/**', '**/renderer/**', '**/preload/**'], 'lender/ imports common/ (and db helpers) only.'),
      ] }],
    },
  },
);
