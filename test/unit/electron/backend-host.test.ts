import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok, type Result } from '../../../common/api';
import type { Backend } from '../../../main/backend/types';
import { recorder, type FakeChild } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { BackendHost } = await import('../../../main/electron/backend-host');
const { parseBackendArgs, backendArgs } = await import('../../../main/electron/backend-protocol');
const { serveBackend, unavailableBackend } = await import('../../../main/electron/backend-serve');

const opts = { entry: '/dist/electron/backend-process.cjs', dataDir: '/data', nativeBinding: '/n/better_sqlite3.node' };
const child = (i = 0): FakeChild => recorder.children[i]!;
/** Plays the utility process: answers every call message it was sent. */
const answerAll = (c: FakeChild, result: (name: string) => Result<unknown>) => {
  for (const m of c.sent.splice(0) as { id: number; name: string }[]) c.emit('message', { id: m.id, result: result(m.name) });
};

beforeEach(() => recorder.reset());
afterEach(() => vi.useRealTimers());

describe('BackendHost (main side)', () => {
  it('forks the utility process with the data dir and the Electron build of better-sqlite3', () => {
    new BackendHost(opts).start();
    expect(recorder.children).toHaveLength(1);
    expect(child().modulePath).toBe(opts.entry);
    expect(child().args).toEqual(['--data-dir', '/data', '--native-binding', '/n/better_sqlite3.node']);
  });

  it('queues calls until the process has spawned, then relays {id, name, input} and resolves with {id, result}', async () => {
    const host = new BackendHost(opts);
    host.start();
    const pending = host.call('cases.queue', { limit: 5 });
    expect(child().sent).toEqual([]);
    child().emit('spawn');
    expect(child().sent).toEqual([{ id: 1, name: 'cases.queue', input: { limit: 5 } }]);
    answerAll(child(), () => ok(['a']));
    await expect(pending).resolves.toEqual({ ok: true, value: ['a'] });
  });

  it('matches replies to calls by id, in any order, and ignores junk', async () => {
    const host = new BackendHost(opts);
    host.start();
    child().emit('spawn');
    const a = host.call('app.info', {});
    const b = host.call('app.placements', {});
    const [ma, mb] = child().sent as { id: number }[];
    child().emit('message', 'garbage');
    child().emit('message', { id: 999, result: ok(1) });
    child().emit('message', { id: mb!.id, result: ok('b') });
    child().emit('message', { id: ma!.id, result: fail('NOT_FOUND', 'x') });
    await expect(b).resolves.toEqual(ok('b'));
    await expect(a).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('times out a silent call with an INTERNAL envelope', async () => {
    vi.useFakeTimers();
    const host = new BackendHost({ ...opts, timeoutMs: 1_000 });
    host.start();
    child().emit('spawn');
    const pending = host.call('app.info', {});
    vi.advanceTimersByTime(1_001);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('fails pending calls with INTERNAL when the process dies, and restarts it', async () => {
    const host = new BackendHost(opts);
    host.start();
    child().emit('spawn');
    const pending = host.call('app.info', {});
    child().emit('exit', 1);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(recorder.children).toHaveLength(2);
    const next = host.call('app.info', {});
    child(1).emit('spawn');
    answerAll(child(1), () => ok('back'));
    await expect(next).resolves.toEqual(ok('back'));
  });

  it('stops restarting a crash-looping backend and says so', async () => {
    const host = new BackendHost({ ...opts, maxRestarts: 2 });
    host.start();
    for (let i = 0; i < 3; i++) child(i).emit('exit', 1);
    expect(recorder.children).toHaveLength(3);
    await expect(host.call('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(recorder.children).toHaveLength(3);
  });

  it('asks the backend to shut down, kills it if it lingers, and does not restart it', async () => {
    vi.useFakeTimers();
    const host = new BackendHost(opts);
    host.start();
    child().emit('spawn');
    const stopped = host.stop(500);
    expect(child().sent).toContainEqual({ type: 'shutdown' });
    vi.advanceTimersByTime(501);
    await stopped;
    expect(child().killed).toBe(true);
    expect(recorder.children).toHaveLength(1);
    await expect(host.call('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('backend process side', () => {
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

  it('answers {id, name, input} with {id, result} from backend.dispatch', async () => {
    const dispatch = vi.fn(async (name: string, input: unknown) => ok({ name, input }));
    const p = fakePort();
    serveBackend(p.port, { dispatch, close: vi.fn() } as Backend, vi.fn());
    p.send({ id: 7, name: 'cases.queue', input: { a: 1 } });
    p.send({ nonsense: true });
    await flush();
    expect(p.posted).toEqual([{ id: 7, result: ok({ name: 'cases.queue', input: { a: 1 } }) }]);
  });

  it('turns a throwing dispatch into INTERNAL and obeys shutdown', async () => {
    const onShutdown = vi.fn();
    const p = fakePort();
    serveBackend(p.port, { dispatch: async () => { throw new Error('db locked'); }, close: vi.fn() } as Backend, onShutdown);
    p.send({ id: 1, name: 'app.info', input: {} });
    p.send({ type: 'shutdown' });
    await flush();
    expect(p.posted).toEqual([{ id: 1, result: { ok: false, error: { code: 'INTERNAL', message: 'db locked' } } }]);
    expect(onShutdown).toHaveBeenCalledOnce();
  });

  it('an unavailable backend explains why on every call', async () => {
    await expect(unavailableBackend('database is newer than this app').dispatch('app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('newer than this app') },
    });
  });

  it('round-trips its argv', () => {
    expect(parseBackendArgs(backendArgs('/d', '/n.node'))).toEqual({ ok: true, dataDir: '/d', nativeBinding: '/n.node', launch: {} });
    expect(parseBackendArgs(backendArgs('/d', undefined))).toEqual({ ok: true, dataDir: '/d', launch: {} });
    expect(parseBackendArgs([]).ok).toBe(false);
  });

  it('carries --demo and the passphrase file to the backend process (README parity with the host)', () => {
    const launch = { demo: { cases: 120 }, passphraseFile: '/secrets/pass' };
    expect(parseBackendArgs(backendArgs('/d', undefined, launch))).toEqual({ ok: true, dataDir: '/d', launch });
    expect(parseBackendArgs(['--data-dir', '/d', '--demo-cases', '0']).ok).toBe(false);
    expect(parseBackendArgs(['--data-dir', '/d', '--demo-cases', '1000001']).ok).toBe(false);
    expect(parseBackendArgs(['--data-dir', '/d', '--demo-cases', '1'])).toEqual({ ok: true, dataDir: '/d', launch: { demo: { cases: 1 } } });
  });
});
