/** Background calls (the sync pill's status) wait for the calls the user is waiting for. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../common/api/result';
import { call, callWhenIdle } from '../../../renderer/app/api';

interface Pending {
  name: string;
  resolve: (r: Result<string>) => void;
}

let pending: Pending[];
let sent: string[];

function fakeApi() {
  const method = (name: string) => () =>
    new Promise<Result<string>>((resolve) => {
      sent.push(name);
      pending.push({ name, resolve });
    });
  return { cases: { queue: method('cases.queue') }, app: { info: method('app.info') }, sync: { status: method('sync.status') } };
}

function answer(name: string): void {
  const i = pending.findIndex((p) => p.name === name);
  const [p] = pending.splice(i, 1);
  p?.resolve({ ok: true, value: name });
}

const tick = () => new Promise((r) => setTimeout(r, 5));
/**
 * Waits until what was sent is `names`. callWhenIdle waits two timer turns; on a loaded machine a
 * fixed 5 ms tick can expire in the same turn as the first of them and look too early.
 */
const sentBecomes = (names: string[]) => vi.waitFor(() => expect(sent).toEqual(names), { timeout: 2_000, interval: 2 });

beforeEach(() => {
  pending = [];
  sent = [];
  (globalThis as unknown as { window: unknown }).window = { casedesk: fakeApi(), setTimeout };
});
afterEach(() => {
  delete (globalThis as unknown as { window?: unknown }).window;
});

type Fake = ReturnType<typeof fakeApi>;

describe('callWhenIdle', () => {
  it('is sent once the calls under way, including those started in the same task, have settled', async () => {
    const background = callWhenIdle((a) => (a as unknown as Fake).sync.status());
    // Started after the background call was asked for, in the same task (as sibling effects are).
    const queue = call((a) => (a as unknown as Fake).cases.queue());
    const info = call((a) => (a as unknown as Fake).app.info());
    await tick();
    expect(sent).toEqual(['cases.queue', 'app.info']);
    answer('cases.queue');
    await tick();
    expect(sent, 'still one call under way').toEqual(['cases.queue', 'app.info']);
    answer('app.info');
    await expect(queue).resolves.toBe('cases.queue');
    await expect(info).resolves.toBe('app.info');
    await sentBecomes(['cases.queue', 'app.info', 'sync.status']);
    answer('sync.status');
    await expect(background).resolves.toBe('sync.status');
  });

  it('goes at once when nothing else is under way, and a failed call still counts as settled', async () => {
    const failing = call(() => Promise.reject(new Error('bridge gone')));
    await expect(failing).rejects.toThrow('bridge gone');
    const background = callWhenIdle((a) => (a as unknown as Fake).sync.status());
    await sentBecomes(['sync.status']);
    answer('sync.status');
    await expect(background).resolves.toBe('sync.status');
  });

  it('waits for the browser to be idle (the answers rendered) before sending', async () => {
    const idle: (() => void)[] = [];
    (globalThis as unknown as { window: Record<string, unknown> }).window.requestIdleCallback = (cb: () => void, opts: { timeout: number }) => {
      expect(opts.timeout).toBeGreaterThan(0);
      idle.push(cb);
      return idle.length;
    };
    const queue = call((a) => (a as unknown as Fake).cases.queue());
    const background = callWhenIdle((a) => (a as unknown as Fake).sync.status());
    await tick();
    answer('cases.queue');
    await queue;
    await vi.waitFor(() => expect(idle).toHaveLength(1), { timeout: 2_000, interval: 2 });
    expect(sent).toEqual(['cases.queue']);
    idle.shift()?.();
    await sentBecomes(['cases.queue', 'sync.status']);
    answer('sync.status');
    await expect(background).resolves.toBe('sync.status');
  });
});
