import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../common/api/result';
import { memoryTokenStore, withSession } from '../../../common/api/session-client';
import type { MethodName } from '../../../common/api/contract';

function fakeBackend() {
  const seen: (string | null)[] = [];
  const raw = async (name: MethodName, _input: unknown, session: string | null): Promise<Result<unknown>> => {
    seen.push(session);
    if (name === 'auth.login') return ok({ user: { id: 'u1' }, token: 'secret-token' });
    if (name === 'cases.queue') return session === 'secret-token' ? ok({ rows: [] }) : fail('UNAUTHENTICATED', 'Sign in first.');
    return ok({});
  };
  return { raw, seen };
}

describe('the bridges’ session layer', () => {
  it('keeps the token from sign-in, sends it with every call and never shows it to the caller', async () => {
    const b = fakeBackend();
    const call = withSession(b.raw, memoryTokenStore());
    const login = await call('auth.login', { username: 'a', password: 'b' });
    expect(login).toEqual({ ok: true, value: { user: { id: 'u1' } } });
    expect(await call('cases.queue', {})).toEqual({ ok: true, value: { rows: [] } });
    expect(b.seen).toEqual([null, 'secret-token']);
  });

  it('forgets the token on sign-out and when the backend says the session is gone', async () => {
    const store = memoryTokenStore();
    const b = fakeBackend();
    const call = withSession(b.raw, store);
    await call('auth.login', {});
    await call('auth.logout', {});
    expect(store.get()).toBeNull();
    store.set('stale');
    const r = await call('cases.queue', {});
    expect(r.ok).toBe(false);
    expect(store.get()).toBeNull();
  });
});
