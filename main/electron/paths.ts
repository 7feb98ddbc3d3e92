import path from 'node:path';

/** Where the shell keeps things, decided once at start-up. */
export interface ShellPaths {
  dataDir: string;
  /** better-sqlite3-multiple-ciphers built for Electron's ABI (the Node build in node_modules is for tests). */
  nativeBinding: string;
  /** Set when --data-dir was given: Chromium's profile then lives there too, so test runs are isolated. */
  dataDirFromFlag: boolean;
}

export interface PathInputs {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  isPackaged: boolean;
  /** app.getPath('userData') */
  userData: string;
  /**
   * The project root in development, derived from the bundle's folder (dist/electron/../..) rather
   * than app.getAppPath(), which points into Electron's default_app when launched as `electron main.cjs`.
   */
  projectRoot: string;
  /** process.resourcesPath: where extraResources land when packaged */
  resourcesPath: string;
}

export type PathsResult = { ok: true; paths: ShellPaths } | { ok: false; message: string };

// The SQLite3MultipleCiphers build (db/open.ts opens every database with it); its addon keeps better-sqlite3's file name.
export const DEV_NATIVE_BINDING = ['node_modules', 'better-sqlite3-multiple-ciphers', 'build-electron', 'Release', 'better_sqlite3.node'];

export function isTestMode(env: PathInputs['env']): boolean {
  return env.CASEDESK_TEST === '1';
}

/** Reads `--data-dir <dir>` or `--data-dir=<dir>`; an empty value counts as missing. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir') return argv[i + 1] || undefined;
    if (arg?.startsWith('--data-dir=')) return arg.slice('--data-dir='.length) || undefined;
  }
  return undefined;
}

export function resolveShellPaths(input: PathInputs): PathsResult {
  const flag = dataDirFlag(input.argv);
  // A test that forgot its own data dir would write into the developer's real profile.
  if (isTestMode(input.env) && !flag) {
    return { ok: false, message: 'CASEDESK_TEST=1 requires --data-dir <dir>; refusing to start on the default profile.' };
  }
  const nativeBinding = input.isPackaged
    ? path.join(input.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(input.projectRoot, ...DEV_NATIVE_BINDING);
  return {
    ok: true,
    paths: { dataDir: path.resolve(flag ?? input.userData), nativeBinding, dataDirFromFlag: flag !== undefined },
  };
}
