import { beforeEach, describe, expect, it, vi } from 'vitest';
import { recorder } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { createMainWindow, mainWindowOptions } = await import('../../../main/electron/window');
const { installMenu, menuTemplate } = await import('../../../main/electron/menu');

beforeEach(() => recorder.reset());

describe('main window', () => {
  it.each([true, false])('is locked down the same way packaged=%s', (isPackaged) => {
    createMainWindow('/dist/electron/preload.cjs', isPackaged);
    const prefs = recorder.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(prefs.allowRunningInsecureContent).not.toBe(true);
    expect(prefs.experimentalFeatures).not.toBe(true);
    expect(prefs.devTools).toBe(!isPackaged);
  });

  it('loads the renderer from app://casedesk, never a remote or file URL', () => {
    const win = createMainWindow('/p.cjs', true);
    expect((win as unknown as { loadedUrl: string }).loadedUrl).toBe('app://casedesk/index.html');
  });

  it('shows itself once ready (no white flash)', () => {
    expect(mainWindowOptions('/p.cjs', true).show).toBe(false);
    createMainWindow('/p.cjs', true);
    recorder.windows[0]!.emit('ready-to-show');
    expect(recorder.windows[0]!.calls).toContain('show');
  });
});

describe('menu', () => {
  const roles = (isPackaged: boolean, platform: NodeJS.Platform) =>
    JSON.stringify(menuTemplate(isPackaged, platform));

  it('has no devtools or reload in production', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(roles(true, platform)).not.toMatch(/toggleDevTools|forceReload|"reload"/);
    }
  });

  it('offers devtools in development', () => {
    expect(roles(false, 'linux')).toContain('toggleDevTools');
  });

  it('keeps the edit roles so copy and paste work', () => {
    expect(roles(true, 'linux')).toContain('editMenu');
  });

  it('installs the application menu', () => {
    installMenu(true);
    expect(recorder.appMenu).toMatchObject({ template: expect.any(Array) });
  });
});
