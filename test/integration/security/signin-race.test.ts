/**
 * Sign-in that holds under parallel guessing (issue 16, item 2), through the backend's one door as
 * both the web host and Electron reach it: the lockout is decided before the asynchronous password
 * check, so a burst locks the account exactly as a sequence would; a per-backend rate limit applies
 * on every path; a password change ends the user's other sessions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../common/api/result';
import { createBackend } from '../../../main/backend';
import { DEMO_PASSWORD } from '../../../main/backend/demo/demo';
import { demoBackend } from '../../support/backend';

type Backend = ReturnType<typeof createBackend>;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A demo database opened as a host opens it: sessions only, no trusted user. */
function sessionBackend(host: 'web' | 'electron' = 'web'): { backend: Backend; failedLogins: (u: string) => number } {
  const t = demoBackend({ cases: 10 });
  const backend = createBackend({ dataDir: t.dataDir, host, now: t.clock.now });
  cleanups.push(() => {
    backend.close();
    t.cleanup();
  });
  return { backend, failedLogins: (u) => (t.db.prepare('SELECT failed_logins AS n FROM users WHERE username = ?').get(u) as { n: number }).n };
}

const login = (b: Backend, username: string, password: string, token?: string) =>
  b.dispatch('auth.login', { username, password }, { token }) as Promise<Result<{ token: string }>>;

describe('parallel guessing', () => {
  it('twelve parallel wrong passwords lock the account; the right password is then refused, saying until when', async () => {
    const { backend, failedLogins } = sessionBackend();
    const results = await Promise.all(Array.from({ length: 12 }, () => login(backend, 'zhang.wei', 'wrong-password-x')));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(failedLogins('zhang.wei')).toBeGreaterThanOrEqual(5);
    const right = await login(backend, 'zhang.wei', DEMO_PASSWORD);
    expect(right.ok).toBe(false);
    if (right.ok) return;
    expect(right.error.code).toBe('UNAUTHENTICATED');
    const until = (right.error.details as { lockedUntil: string }).lockedUntil;
    expect(Date.parse(until)).toBeGreaterThan(Date.now() - 10 * 365 * 86_400_000);
    expect(right.error.reason).toEqual({ key: 'auth.lockedOut', params: { until } });
  }, 60_000);

  it('nineteen wrong and one right password in one burst do not sign in', async () => {
    const { backend } = sessionBackend();
    const burst = [...Array.from({ length: 19 }, () => login(backend, 'li.na', 'wrong-password-y')), login(backend, 'li.na', DEMO_PASSWORD)];
    const results = await Promise.all(burst);
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    const last = results[19] as Result<unknown>;
    expect(!last.ok && last.error.reason?.key).toBe('auth.lockedOut');
  }, 60_000);

  it('a right password releases its reserved attempt: the count goes back to zero', async () => {
    const { backend, failedLogins } = sessionBackend();
    for (let i = 0; i < 3; i++) await login(backend, 'chen.jie', 'wrong-password-z');
    expect(failedLogins('chen.jie')).toBe(3);
    expect((await login(backend, 'chen.jie', DEMO_PASSWORD)).ok).toBe(true);
    expect(failedLogins('chen.jie')).toBe(0);
  }, 60_000);
});

describe('the sign-in rate limit is in the backend, not only the web host', () => {
  it('refuses the 21st attempt in a minute on the Electron path with RATE_LIMITED', async () => {
    const { backend } = sessionBackend('electron');
    // In one burst against one account: five wrong passwords lock it (the only five hash checks),
    // fifteen more are refused as locked, and the 21st attempt of the minute is over the limit.
    const results: Result<unknown>[] = await Promise.all(Array.from({ length: 21 }, () => login(backend, 'sam.taylor', 'whatever-password')));
    expect(results.slice(0, 20).every((r) => !r.ok && r.error.code === 'UNAUTHENTICATED')).toBe(true);
    const last = results[20] as Result<unknown>;
    expect(!last.ok && last.error.code).toBe('RATE_LIMITED');
    expect(!last.ok && last.error.reason?.key).toBe('auth.tooManyAttempts');
  }, 120_000);
});

describe('password change', () => {
  it('in session A ends session B of the same user, and keeps A', async () => {
    const { backend } = sessionBackend();
    const a = await login(backend, 'wang.fang', DEMO_PASSWORD);
    const b = await login(backend, 'wang.fang', DEMO_PASSWORD);
    if (!a.ok || !b.ok) throw new Error('sign-in failed');
    expect(a.value.token).not.toBe(b.value.token);
    const changed = await backend.dispatch('auth.changePassword', { current: DEMO_PASSWORD, next: 'a-brand-new-password-9' }, { token: a.value.token });
    expect(changed.ok).toBe(true);
    const inB = await backend.dispatch('cases.queue', {}, { token: b.value.token });
    expect(!inB.ok && inB.error.code).toBe('UNAUTHENTICATED');
    expect((await backend.dispatch('cases.queue', {}, { token: a.value.token })).ok).toBe(true);
  }, 60_000);
});
