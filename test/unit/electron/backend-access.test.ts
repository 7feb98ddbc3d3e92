/**
 * The database key's way from the main process to the backend utility process: the first message
 * on its channel, never its environment (which /proc/<pid>/environ shows for the process's life).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../common/api';
import type { Backend } from '../../../main/backend/types';
import { recorder, type FakeChild } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { BackendHost } = await import('../../../main/electron/backend-host');
const { accessFromMessage, accessMessage, passphraseFileOf } = await import('../../../main/electron/backend-access');
const { serveAfterAccess } = await import('../../../main/electron/backend-serve');

const KEY = Buffer.alloc(32, 0xab);
const KEY_HEX = KEY.toString('hex');
const opts = { entry: '/dist/electron/backend-process.cjs', dataDir: '/data' };
const child = (i = 0): FakeChild => recorder.children[i]!;

beforeEach(() => recorder.reset());

describe('the access message', () => {
  it('round-trips a key (with an earlier build’s cipher), --plain and an error', () => {
    expect(accessFromMessage(accessMessage({ dbKey: KEY }))).toEqual({ dbKey: KEY });
    expect(accessMessage({ dbKey: KEY })).toEqual({ type: 'access', dbKeyHex: KEY_HEX });
    expect(accessFromMessage(accessMessage({ dbKey: KEY, dbCipher: 'sqlcipher4-raw-key' }))).toEqual({ dbKey: KEY, dbCipher: 'sqlcipher4-raw-key' });
    expect(accessFromMessage(accessMessage({ plain: true }))).toEqual({ plain: true });
    expect(accessFromMessage(accessMessage({ error: 'no passphrase' }))).toEqual({ error: 'no passphrase' });
  });

  it('is checked on arrival: a malformed key, an unknown cipher or nothing at all is an error', () => {
    expect(accessFromMessage({ type: 'access', dbKeyHex: 'abcd' })).toEqual({ error: 'the backend was started without a database key' });
    expect(accessFromMessage({ type: 'access' })).toEqual({ error: 'the backend was started without a database key' });
    expect(accessFromMessage({ type: 'access', dbKeyHex: KEY_HEX, dbCipher: 'rot13' })).toEqual({ error: expect.stringContaining('"rot13"') });
  });
});

describe('BackendHost hands the access over the channel', () => {
  it('sends it first on spawn, before queued calls, and leaves the environment alone', () => {
    const host = new BackendHost(opts);
    host.setAccess(accessMessage({ dbKey: KEY }));
    host.start();
    void host.call('app.info', {});
    child().emit('spawn');
    expect(child().sent).toEqual([{ type: 'access', dbKeyHex: KEY_HEX }, { id: 1, name: 'app.info', input: {} }]);
    const options = child().options as { env?: unknown };
    expect(options.env).toBeUndefined(); // inherited as is: nothing added
    expect(JSON.stringify(options)).not.toContain(KEY_HEX);
  });

  it('sends it again to the process started after a crash', () => {
    const host = new BackendHost(opts);
    host.setAccess(accessMessage({ plain: true }));
    host.start();
    child().emit('spawn');
    child().emit('exit', 1);
    expect(recorder.children).toHaveLength(2);
    child(1).emit('spawn');
    expect(child(1).sent[0]).toEqual({ type: 'access', plain: true });
  });
});

describe('the backend process waits for the access', () => {
  function fakePort() {
    const listeners: ((e: { data: unknown }) => void)[] = [];
    const posted: unknown[] = [];
    return {
      posted,
      send: (data: unknown) => listeners.forEach((l) => l({ data })),
      port: { on: (_e: 'message', l: (e: { data: unknown }) => void) => listeners.push(l), postMessage: (m: unknown) => posted.push(m) },
    };
  }
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it('opens the backend from the first access message and sends every later call to it', async () => {
    const p = fakePort();
    const opened: unknown[] = [];
    const backend = { dispatch: vi.fn(async (name: string) => ok(name)), close: vi.fn() } as unknown as Backend;
    const onShutdown = vi.fn();
    serveAfterAccess(p.port, (m) => (opened.push(accessFromMessage(m)), backend), onShutdown);
    p.send({ type: 'access', dbKeyHex: KEY_HEX });
    p.send({ type: 'access', plain: true }); // only the first counts
    p.send({ id: 1, name: 'app.info', input: {} });
    await flush();
    expect(opened).toEqual([{ dbKey: KEY }]);
    expect(p.posted).toEqual([{ id: 1, result: ok('app.info') }]);
    p.send({ type: 'shutdown' });
    expect(onShutdown).toHaveBeenCalledWith(backend);
  });

  it('answers with the reason when opening fails, and says so when a call comes before any access', async () => {
    const early = fakePort();
    serveAfterAccess(early.port, () => ({ dispatch: async () => ok(1), close: vi.fn() }), vi.fn());
    early.send({ id: 1, name: 'app.info', input: {} });
    await flush();
    expect(early.posted).toMatchObject([{ id: 1, result: { ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('no database key') } } }]);

    const failing = fakePort();
    serveAfterAccess(failing.port, () => { throw new Error('this database is newer than this CaseDesk'); }, vi.fn());
    failing.send({ type: 'access', plain: true });
    failing.send({ id: 2, name: 'app.info', input: {} });
    await flush();
    expect(failing.posted).toMatchObject([{ id: 2, result: { ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('newer than this CaseDesk') } } }]);
  });
});

describe('passphraseFileOf', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-access-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes --passphrase-file over CASEDESK_PASSPHRASE_FILE, ignores an empty variable, and fails early on an unreadable file', () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    fs.writeFileSync(a, 'x\n');
    fs.writeFileSync(b, 'y\n');
    expect(passphraseFileOf(['--passphrase-file', a], { CASEDESK_PASSPHRASE_FILE: b })).toBe(a);
    expect(passphraseFileOf([], { CASEDESK_PASSPHRASE_FILE: b })).toBe(b);
    expect(passphraseFileOf([], { CASEDESK_PASSPHRASE_FILE: '' })).toBeUndefined();
    expect(() => passphraseFileOf(['--passphrase-file', path.join(dir, 'missing')], {})).toThrow(/ENOENT/);
  });
});
