import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, session, type BrowserWindow } from 'electron';
import { makeDirsPrivate } from '../backend/private-files';
import { BackendHost } from './backend-host';
import { accessMessage } from './backend-access';
import { settleDatabaseAccess } from './database-access';
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

/** App lifecycle. Everything before `whenReady` must happen synchronously at start-up. */
export function startApp(opts: StartOptions): StartResult {
  const log = opts.log ?? ((line: string) => process.stderr.write(`[casedesk] ${line}\n`));
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
    log,
  });

  const openWindow = (): void => {
    win = createMainWindow(path.join(opts.distDir, 'preload.cjs'), app.isPackaged);
    const opened = win;
    opened.on('closed', () => {
      if (win === opened) win = null;
    });
  };

  const ready = app.whenReady().then(() => {
    applySessionPolicy(session.defaultSession);
    serveRenderer(path.join(opts.distDir, '..', 'renderer'));
    installMenu(app.isPackaged);
  }).then(async () => {
    backend.setAccess(accessMessage(await settleDatabaseAccess(paths.dataDir, opts.argv, opts.env, paths.nativeBinding, log)));
    backend.start();
    registerIpc({ call: (name, input, session) => backend.call(name, input, session), window: () => win });
    openWindow();
  });

  app.on('activate', () => {
    if (app.isReady() && (!win || win.isDestroyed())) openWindow();
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
