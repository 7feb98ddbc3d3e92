import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../common/api';
import { unlockKeystore } from '../../../main/backend/keys';
import { app, recorder } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { startApp } = await import('../../../main/electron/start');

let tmp: string;
const distDir = '/app/dist/electron';
const start = (argv: string[], env: Record<string, string> = {}) =>
  startApp({ distDir, argv: ['electron', '.', ...argv], env, resourcesPath: '/app/resources', log: vi.fn() });

beforeEach(() => {
  recorder.reset();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'casedesk-start-'));
  recorder.setPaths.set('userData', path.join(tmp, 'userData'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('start-up', () => {
  it('in test mode refuses to start without --data-dir, before touching anything', () => {
    const result = start([], { CASEDESK_TEST: '1' });
    expect(result.started).toBe(false);
    expect(recorder.appCalls).toContain('exit:2');
    expect(recorder.appCalls).not.toContain('requestSingleInstanceLock');
    expect(recorder.children).toHaveLength(0);
    expect(recorder.windows).toHaveLength(0);
  });

  it('in test mode with --data-dir starts, and points Chromium profile and lock at that dir', async () => {
    const dataDir = path.join(tmp, 'run-1');
    const result = start(['--data-dir', dataDir], { CASEDESK_TEST: '1' });
    expect(result.started).toBe(true);
    expect(recorder.setPaths.get('userData')).toBe(dataDir);
    if (result.started) await result.ready;
    expect(recorder.children[0]!.args).toEqual(['--data-dir', dataDir, '--native-binding', '/app/node_modules/better-sqlite3-multiple-ciphers/build-electron/Release/better_sqlite3.node']);
  });

  it('requests the single-instance lock and quits when another instance holds it', () => {
    recorder.singleInstanceLock = false;
    const result = start([]);
    expect(recorder.appCalls).toContain('requestSingleInstanceLock');
    expect(recorder.appCalls).toContain('quit');
    expect(result.started).toBe(false);
    expect(recorder.children).toHaveLength(0);
  });

  it('a second instance focuses (and restores) the existing window', async () => {
    const result = start([]);
    if (!result.started) throw new Error('did not start');
    await result.ready;
    const win = recorder.windows[0]!;
    win.minimized = true;
    app.emit('second-instance', {}, ['electron', '.'], '/cwd', {});
    expect(win.calls).toEqual(expect.arrayContaining(['restore', 'focus']));
  });

  it('registers the privileged scheme and sandbox before ready; everything else after', async () => {
    const result = start([]);
    expect(recorder.privilegedSchemes).toHaveLength(1);
    expect(recorder.appCalls).toContain('enableSandbox');
    expect(recorder.protocolHandlers.size).toBe(0);
    expect(recorder.ipcHandlers.size).toBe(0);
    if (result.started) await result.ready;
    expect(recorder.protocolHandlers.has('app')).toBe(true);
    expect(recorder.headersReceived).toBeTypeOf('function');
    expect(recorder.permissionRequest).toBeTypeOf('function');
    expect(recorder.ipcHandlers.size).toBe(METHOD_NAMES.length);
    expect(recorder.appMenu).not.toBeNull();
  });

  it('creates one locked-down window with the bundled preload, and forks the bundled backend', async () => {
    const result = start([]);
    if (result.started) await result.ready;
    expect(recorder.windows).toHaveLength(1);
    const prefs = recorder.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ preload: path.join(distDir, 'preload.cjs'), sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(recorder.children[0]!.modulePath).toBe(path.join(distDir, 'backend-process.cjs'));
    expect(recorder.children[0]!.args.slice(0, 2)).toEqual(['--data-dir', path.join(tmp, 'userData')]);
  });

  it('hands the database key to the backend as its first message, never in its environment', async () => {
    const passFile = path.join(tmp, 'pass');
    writeFileSync(passFile, 'a long enough passphrase\n');
    const result = start([], { CASEDESK_PASSPHRASE_FILE: passFile });
    if (!result.started) throw new Error('did not start');
    await result.ready;
    const key = await unlockKeystore(path.join(tmp, 'userData'), { passphrase: 'a long enough passphrase' });
    const child = recorder.children[0]!;
    expect(JSON.stringify(child.options)).not.toContain(key.toString('hex'));
    expect((child.options as { env?: unknown }).env).toBeUndefined();
    child.emit('spawn');
    expect(child.sent[0]).toEqual({ type: 'access', dbKeyHex: key.toString('hex') });
  }, 20_000);

  it('hardens web contents created later (web-contents-created hook)', async () => {
    const result = start([]);
    if (result.started) await result.ready;
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });

  it('lets the backend close SQLite before quitting', async () => {
    const result = start([]);
    if (!result.started) throw new Error('did not start');
    await result.ready;
    const child = recorder.children[0]!;
    child.emit('spawn');
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(child.sent).toContainEqual({ type: 'shutdown' });
    child.emit('exit', 0);
    await vi.waitFor(() => expect(recorder.appCalls).toContain('quit'));
  });
});

describe('start-up order and failures', () => {
  it('an activate before IPC is ready opens no window; start-up opens exactly one after IPC', async () => {
    const result = start([]);
    app.emit('activate');
    expect(recorder.windows).toHaveLength(0);
    if (result.started) await result.ready;
    expect(recorder.windows).toHaveLength(1);
    expect(recorder.ipcHandlers.size).toBe(METHOD_NAMES.length);
    app.emit('activate');
    expect(recorder.windows).toHaveLength(1);
  });

  it('hands --demo, --cases and --passphrase-file to the backend process', async () => {
    const pass = path.join(tmp, 'pass');
    writeFileSync(pass, 'correct horse battery staple\n', { mode: 0o600 });
    const result = start(['--demo', '--cases', '200', '--passphrase-file', pass]);
    if (result.started) await result.ready;
    const args = recorder.children[0]!.args;
    expect(args).toEqual(expect.arrayContaining(['--demo-cases', '200', '--passphrase-file', pass]));
  });

  it('a failure in the start-up chain shows an error naming the log file and exits', async () => {
    recorder.ipcHandlers.set('casedesk:auth.status', () => undefined); // a second registration throws, as in Electron
    const result = start([]);
    if (result.started) await result.ready;
    expect(recorder.errorBoxes).toHaveLength(1);
    expect(recorder.errorBoxes[0]!.content).toMatch(/casedesk\.log/);
    expect(recorder.appCalls).toContain('exit:1');
    expect(recorder.windows).toHaveLength(0);
  });

  it('reloads a window whose renderer died, then shows a failure page after repeated crashes', async () => {
    const result = start([]);
    if (result.started) await result.ready;
    const win = recorder.windows[0]!;
    for (let i = 0; i < 3; i++) {
      win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
      expect(win.loadedUrl).toMatch(/^app:\/\/casedesk\//);
    }
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(win.loadedUrl).toMatch(/^data:text\/html/);
    expect(decodeURIComponent(win.loadedUrl!)).toContain('renderer gone (crashed)');
  });
});
