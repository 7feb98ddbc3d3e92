import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { makeDirsPrivate } from '../backend/private-files';
import { BackendHost } from './backend-host';
import { accessMessage, flagValue } from './backend-access';
import type { LaunchOptions } from './backend-protocol';
import { passphraseFileFrom } from '../backend/keys/startup';
import { settleDatabaseAccess } from './database-access';
import { openLogFile } from './log-file';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { resolveShellPaths } from './paths';
import { registerAppScheme, serveRenderer } from './protocol';
import { applySessionPolicy, installWebContentsPolicy } from './security';
import { createMainWindow } from './window';

export interface StartOptions {
  /** Folder of the bundled main.cjs: dist/electron (preload.cjs and backend-process.cjs sit beside it). */
  distDir: string;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** process.resourcesPath (Electron-only, so passed in). */
  resourcesPath: string;
  log?: (line: string) => void;
}

export type StartResult =
  | { started: true; ready: Promise<void>; window: () => BrowserWindow | null; backend: BackendHost }
  | { started: false; reason: string };

/**
 * App lifecycle. Everything before `whenReady` must happen synchronously at start-up. The order
 * after it: session policy and protocol → database access → backend → IPC → the window. No window
 * exists before IPC is ready (a macOS `activate` during start-up waits for it), and a failure
 * anywhere in the chain shows an error that says what failed and where the log is.
 */
export function startApp(opts: StartOptions): StartResult {
  const stderrLog = opts.log ?? ((line: string) => process.stderr.write(`[casedesk] ${line}\n`));
  let logFile: ReturnType<typeof openLogFile> | null = null;
  const log = (line: string): void => {
    stderrLog(line);
    logFile?.write(line);
  };
  registerAppScheme();
  app.enableSandbox();

  const resolved = resolveShellPaths({
    argv: opts.argv,
    env: opts.env,
    isPackaged: app.isPackaged,
    userData: app.getPath('userData'),
    projectRoot: path.resolve(opts.distDir, '..', '..'),
    resourcesPath: opts.resourcesPath,
  });
  if (!resolved.ok) {
    log(resolved.message);
    app.exit(2);
    return { started: false, reason: resolved.message };
  }
  const { paths } = resolved;
  makeDirsPrivate(paths.dataDir);
  // The single-instance lock lives in userData, so a per-test data dir also means a per-test lock.
  if (paths.dataDirFromFlag) app.setPath('userData', paths.dataDir);
  logFile = openLogFile(app.getPath('userData'));

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { started: false, reason: 'CaseDesk is already running for this data directory.' };
  }

  let win: BrowserWindow | null = null;
  const focusWindow = (): void => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  app.on('second-instance', focusWindow);

  installWebContentsPolicy();
  if (!existsSync(paths.nativeBinding)) {
    log(`better-sqlite3 for Electron is missing at ${paths.nativeBinding}; run: node scripts/rebuild-electron.mjs`);
  }
  const backend = new BackendHost({
    entry: path.join(opts.distDir, 'backend-process.cjs'),
    dataDir: paths.dataDir,
    nativeBinding: paths.nativeBinding,
    launch: launchOptionsOf(opts.argv, opts.env),
    log,
  });

  const openWindow = (): void => {
    win = createMainWindow(path.join(opts.distDir, 'preload.cjs'), app.isPackaged, { log });
    const opened = win;
    opened.on('closed', () => {
      if (win === opened) win = null;
    });
  };

  // Set once IPC is registered: only then may a window exist (its preload calls at once).
  let ipcReady = false;
  const ready = app
    .whenReady()
    .then(() => {
      applySessionPolicy(session.defaultSession);
      serveRenderer(path.join(opts.distDir, '..', 'renderer'));
      installMenu(app.isPackaged);
    })
    .then(async () => {
      backend.setAccess(accessMessage(await settleDatabaseAccess(paths.dataDir, opts.argv, opts.env, paths.nativeBinding, log, opts.distDir)));
      backend.start();
      registerIpc({ call: (name, input, session) => backend.call(name, input, session), window: () => win });
      ipcReady = true;
      openWindow();
      log('started');
    })
    .catch((err: unknown) => {
      const what = err instanceof Error ? `${err.name}: ${err.message}` : 'an unknown error';
      log(`start-up failed: ${what}`);
      dialog.showErrorBox('CaseDesk could not start', `Start-up failed: ${what}\n\nThe log is in ${logFile?.file ?? 'the CaseDesk user-data folder'}.`);
      app.exit(1);
    });

  app.on('activate', () => {
    // macOS fires this on the first launch too, possibly before IPC is ready: start-up opens the window then.
    if (ipcReady && (!win || win.isDestroyed())) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let backendStopped = false;
  app.on('before-quit', (event) => {
    if (backendStopped) return;
    // Let the backend close SQLite cleanly (WAL checkpoint) before the process goes.
    event.preventDefault();
    void backend.stop().finally(() => {
      backendStopped = true;
      app.quit();
    });
  });

  return { started: true, ready, window: () => win, backend };
}

/** `--demo [--cases N]` and the passphrase file (flag or CASEDESK_PASSPHRASE_FILE), handed to the backend process. */
export function launchOptionsOf(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LaunchOptions {
  const out: LaunchOptions = {};
  if (argv.includes('--demo')) {
    const cases = Number(flagValue(argv, '--cases') ?? 5000);
    out.demo = { cases: Number.isInteger(cases) && cases >= 1 && cases <= 1_000_000 ? cases : 5000 };
  }
  const file = passphraseFileFrom(flagValue(argv, '--passphrase-file'), env as NodeJS.ProcessEnv);
  if (file) out.passphraseFile = file;
  return out;
}
