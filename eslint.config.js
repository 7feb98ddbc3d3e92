// One linter for the whole tree. The layer rules enforce docs/ARCHITECTURE.md's one-way imports:
// `boundaries/dependencies` is an allow-list over RESOLVED paths (a relative import is resolved to
// the file it names before the rule decides), and `no-restricted-imports` keeps packages (Node
// built-ins, Electron, React, SQLite) out of the layers that must not see them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';

const nodeBuiltins = ['fs', 'path', 'crypto', 'os', 'child_process', 'http', 'https', 'net', 'stream', 'worker_threads'];
const pattern = (group, message) => ({ group, message });
const packages = (names, message) => names.map((name) => ({ name, message }));

// Each layer is a folder; `launch` is main/*.ts, the start-up code that picks a shell.
const LAYERS = {
  common: 'common/**',
  db: 'db/**',
  backend: 'main/backend/**',
  electron: 'main/electron/**',
  host: 'main/host/**',
  cli: 'main/cli/**',
  launch: 'main/launch/**',
  preload: 'preload/**',
  renderer: 'renderer/**',
  lender: 'lender/**',
  scripts: 'scripts/**',
  test: 'test/**',
};
// Who may import whom. Anything not listed is refused.
const ALLOWED = {
  common: ['common'],
  db: ['common', 'db'],
  backend: ['common', 'db', 'backend'],
  electron: ['common', 'db', 'backend', 'electron'],
  host: ['common', 'db', 'backend', 'cli', 'host'],
  cli: ['common', 'db', 'backend', 'cli'],
  launch: ['common', 'db', 'backend', 'electron', 'host', 'cli', 'launch'],
  preload: ['common', 'preload'],
  renderer: ['common', 'renderer'],
  lender: ['common', 'lender'],
  scripts: ['scripts'],
  test: Object.keys(LAYERS),
};
const layerRules = {
  plugins: { boundaries },
  settings: {
    'boundaries/elements': Object.entries(LAYERS).map(([type, pattern]) => ({ type, pattern, partialMatch: false })),
    'boundaries/include': ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js', '**/*.cjs'],
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.cjs', '.json'] } },
  },
  rules: {
    'boundaries/dependencies': ['error', {
      default: 'disallow',
      policies: Object.entries(ALLOWED).map(([from, to]) => ({
        from: { element: { type: from } },
        allow: { to: { element: { types: { anyOf: to } } } },
      })),
    }],
    // A file outside every layer (a stray probe) is an error too.
    'boundaries/no-unknown-files': 'error',
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['{common,db,main,preload,renderer,lender,scripts,test}/**/*.{ts,tsx,mjs}'], ...layerRules },
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
  // Packages each layer must not see. Exact package names (`paths`), so a relative path that merely
  // contains a folder named `electron` is not mistaken for the package.
  {
    files: ['common/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', {
      paths: packages(['electron', 'react', 'react-dom', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', ...nodeBuiltins], 'common/ is pure: no Node, Electron, React or SQLite.'),
      patterns: [pattern(['node:*'], 'common/ is pure: no Node built-ins.')],
    }] },
  },
  {
    files: ['db/**/*.ts', 'main/backend/**/*.ts', 'main/cli/**/*.ts', 'main/host/**/*.ts', 'lender/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: packages(['electron', 'react', 'react-dom'], 'Only main/electron may import Electron; only the renderer React.') }] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx', 'preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', {
      paths: packages(['better-sqlite3', 'better-sqlite3-multiple-ciphers', ...nodeBuiltins], 'The renderer and preload never see Node or the database.'),
      patterns: [pattern(['node:*'], 'The renderer and preload never see Node.')],
    }] },
  },
);
