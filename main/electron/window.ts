import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './origin';

/** The same settings in tests as in production; only devtools differ (never in a packaged build). */
export function mainWindowOptions(preloadPath: string, isPackaged: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'CaseDesk',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !isPackaged,
    },
  };
}

/** How many times a crashed or failed page is reloaded before the window says so and stops. */
export const MAX_PAGE_RECOVERIES = 3;

/**
 * The main window. A page that fails to load or whose renderer process dies is reloaded (a few
 * times, then an error page says where the log is); the window is shown even if the page never
 * signals ready, so a failure is never an invisible window.
 */
export function createMainWindow(preloadPath: string, isPackaged: boolean, opts: { log?: (line: string) => void } = {}): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath, isPackaged));
  const log = opts.log ?? (() => undefined);
  let recoveries = 0;
  const recover = (why: string): void => {
    log(`window: ${why}`);
    if (win.isDestroyed()) return;
    if (!win.isVisible()) win.show();
    if (recoveries >= MAX_PAGE_RECOVERIES) {
      void win.loadURL(failurePageUrl(why));
      return;
    }
    recoveries++;
    void win.loadURL(APP_ENTRY_URL).catch(() => undefined);
  };
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    // The failure page itself is a data: URL; never loop on it.
    if (isMainFrame && !url.startsWith('data:')) recover(`load failed (${code} ${description})`);
  });
  win.webContents.on('render-process-gone', (_event, details) => recover(`renderer gone (${details.reason})`));
  void win.loadURL(APP_ENTRY_URL).catch(() => undefined);
  return win;
}

/** A static page (no script) that says what happened; the session allows data: URLs and nothing remote. */
export function failurePageUrl(why: string): string {
  const text = why.replace(/[<>&"]/g, '');
  const html = `<!doctype html><meta charset="utf-8"><title>CaseDesk</title><body style="font-family:sans-serif;padding:2em"><h1>CaseDesk 无法显示窗口 / cannot show its window</h1><p>${text}</p><p>请重新启动 CaseDesk；日志位于用户数据文件夹的 logs/casedesk.log。Restart CaseDesk; the log is logs/casedesk.log in its user-data folder.</p></body>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
