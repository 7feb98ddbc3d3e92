/** The queue's first page is asked for at sign-in, and the queue screen shows it without asking again. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let sent: string[];

function fakeApi() {
  const ok = (name: string, value: unknown) => () => {
    sent.push(name);
    return Promise.resolve({ ok: true, value });
  };
  return {
    auth: { status: ok('auth.status', { setupNeeded: false, user: null, locked: false, idleLockMinutes: 5 }) },
    cases: { queue: ok('cases.queue', { rows: [], total: 0, asOf: '2026-11-29T06:00:00.000Z' }) },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 5));

async function load() {
  vi.resetModules();
  const { useQueue } = await import('../../../renderer/features/queue/queueStore');
  const { useAuth } = await import('../../../renderer/features/auth/authStore');
  const { useNavigation } = await import('../../../renderer/stores/navigation');
  const { primeQueueOnSignIn } = await import('../../../renderer/features/queue/prime');
  return { useQueue, useAuth, useNavigation, primeQueueOnSignIn };
}

const queueCalls = () => sent.filter((n) => n === 'cases.queue').length;
const user = { id: 'u1', username: 'wang.fang', displayName: 'Wang Fang', role: 'supervisor' as const };

beforeEach(() => {
  sent = [];
  (globalThis as unknown as { window: unknown }).window = { casedesk: fakeApi(), setTimeout, location: { reload: () => undefined } };
});
afterEach(() => {
  delete (globalThis as unknown as { window?: unknown }).window;
});

describe('queue priming', () => {
  it('signing in asks for the first page once; the first visit shows it, a later visit refreshes', async () => {
    const { useQueue, useAuth, primeQueueOnSignIn } = await load();
    const stop = primeQueueOnSignIn();
    expect(queueCalls()).toBe(0);
    useAuth.setState({ phase: 'signedIn', user });
    expect(queueCalls()).toBe(1);
    // An unlock (signed in → signed in) does not ask again.
    useAuth.setState({ phase: 'signedIn', user, locked: false });
    expect(queueCalls()).toBe(1);
    await settle();
    expect(useQueue.getState().total).toBe(0);
    useQueue.getState().enter();
    await settle();
    expect(queueCalls()).toBe(1);
    useQueue.getState().enter();
    await settle();
    expect(queueCalls()).toBe(2);
    stop();
  });

  it('without priming, the first visit asks for page 0', async () => {
    const { useQueue } = await load();
    useQueue.getState().enter();
    await settle();
    expect(queueCalls()).toBe(1);
    expect(useQueue.getState().sort).toBe('priority');
    expect(useQueue.getState().dir).toBe('desc');
  });

  it('does not prime when another screen is showing', async () => {
    const { useAuth, useNavigation, primeQueueOnSignIn } = await load();
    const stop = primeQueueOnSignIn();
    useNavigation.getState().openSupervisor();
    useAuth.setState({ phase: 'signedIn', user });
    expect(queueCalls()).toBe(0);
    stop();
  });
});
