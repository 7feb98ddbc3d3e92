/**
 * Sign-in refusals and account administration through the backend's one door: each refusal names
 * a reason the renderer words in the user's language (a lock-out says until when), and an
 * administrator can disable, enable and unlock an account, audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, Result } from '../../../common/api/result';
import type { UserView } from '../../../common/api/methods/auth';
import { createBackend } from '../../../main/backend';
import { DEMO_PASSWORD } from '../../../main/backend/demo/demo';
import { auditRepo } from '../../../db/repos/audit';
import { usersRepo } from '../../../db/repos/users';
import { demoBackend } from '../../support/backend';

let t: ReturnType<typeof demoBackend>;
let web: ReturnType<typeof createBackend>;
beforeAll(() => {
  t = demoBackend({ cases: 20 });
  web = createBackend({ dataDir: t.dataDir, host: 'web', now: t.clock.now });
});
afterAll(() => {
  web.close();
  t.cleanup();
});

const as = async <T>(token: string | undefined, name: string, input: unknown = {}) => (await web.dispatch(name, input, { token })) as Result<T>;
const refusal = (r: Result<unknown>): ApiErrorBody => {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};
async function signIn(username: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await as<{ token: string }>(undefined, 'auth.login', { username, password });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.token;
}
const idOf = (username: string) => usersRepo.byUsername(t.db, username)!.id;

describe('sign-in refusals carry a reason', () => {
  it('a wrong password is auth.wrongPassword, the same as an unknown user', async () => {
    const wrong = refusal(await as(undefined, 'auth.login', { username: 'zhang.wei', password: 'not-the-password' }));
    const unknown = refusal(await as(undefined, 'auth.login', { username: 'nobody.here', password: 'not-the-password' }));
    expect(wrong.reason).toEqual({ key: 'auth.wrongPassword' });
    expect(unknown.reason).toEqual({ key: 'auth.wrongPassword' });
  });

  it('a lock-out names the instant it ends, which is the stored lock', async () => {
    let last: ApiErrorBody | null = null;
    for (let i = 0; i < 8 && !last?.reason?.key.match(/lockedOut|nowLockedOut/i); i++) {
      last = refusal(await as(undefined, 'auth.login', { username: 'li.na', password: 'not-the-password' }));
    }
    expect(last?.reason?.key).toMatch(/^auth\.(nowLockedOut|lockedOut)$/);
    const stored = usersRepo.byUsername(t.db, 'li.na')!.locked_until;
    expect(last?.reason?.params?.until).toBe(stored);
    expect(Date.parse(String(last?.reason?.params?.until))).toBeGreaterThan(t.clock.now().getTime());
    // The right password while locked: still refused, and still says until when.
    const locked = refusal(await as(undefined, 'auth.login', { username: 'li.na', password: DEMO_PASSWORD }));
    expect(locked.reason).toEqual({ key: 'auth.lockedOut', params: { until: stored } });
  });

  it('a password below the policy is a VALIDATION issue with zod’s code and bound', async () => {
    const token = await signIn('zhang.wei');
    const short = refusal(await as(token, 'auth.changePassword', { current: DEMO_PASSWORD, next: 'short' }));
    expect(short.code).toBe('VALIDATION');
    expect((short.details as { issues: unknown[] }).issues).toContainEqual(expect.objectContaining({ path: ['next'], code: 'too_small', minimum: 10, origin: 'string' }));
  });

  it('a wrong current password does not end the session: it is a field problem', async () => {
    const token = await signIn('zhang.wei');
    const wrong = refusal(await as(token, 'auth.changePassword', { current: 'nope', next: 'another-password-9' }));
    expect(wrong.code).toBe('VALIDATION');
    expect(wrong.reason?.key).toBe('auth.currentPasswordWrong');
    expect((await as(token, 'app.info')).ok).toBe(true);
  });
});

describe('account administration', () => {
  it('an administrator unlocks a locked account without changing its password (audited)', async () => {
    const admin = await signIn('admin');
    const lockedId = idOf('li.na');
    expect(usersRepo.byId(t.db, lockedId)!.locked_until).not.toBeNull();
    const r = await as<UserView>(admin, 'users.unlock', { userId: lockedId });
    expect(r.ok && r.value.lockedUntil).toBeNull();
    expect(await signIn('li.na')).toMatch(/\S{20,}/);
    expect(auditRepo.all(t.db).some((a) => a.action === 'user.unlock' && a.object_id === lockedId)).toBe(true);
  });

  it('disabling ends the user’s sessions and refuses their sign-in; enabling restores it', async () => {
    const admin = await signIn('admin');
    const victim = await signIn('chen.jie');
    const id = idOf('chen.jie');
    const off = await as<UserView>(admin, 'users.setDisabled', { userId: id, disabled: true });
    expect(off.ok && off.value.disabled).toBe(true);
    expect(refusal(await as(victim, 'app.info')).code).toBe('UNAUTHENTICATED');
    expect(refusal(await as(undefined, 'auth.login', { username: 'chen.jie', password: DEMO_PASSWORD })).reason?.key).toBe('auth.wrongPassword');
    expect((await as<UserView>(admin, 'users.setDisabled', { userId: id, disabled: false })).ok).toBe(true);
    expect(await signIn('chen.jie')).toMatch(/\S{20,}/);
    const actions = auditRepo.all(t.db).filter((a) => a.object_id === id).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
  });

  it('an administrator cannot disable themself, and a supervisor cannot disable anyone', async () => {
    const admin = await signIn('admin');
    const own = refusal(await as(admin, 'users.setDisabled', { userId: idOf('admin'), disabled: true }));
    expect(own.reason?.key).toBe('user.ownAccount');
    const sup = await signIn('wang.fang');
    expect(refusal(await as(sup, 'users.setDisabled', { userId: idOf('zhang.wei'), disabled: true })).code).toBe('FORBIDDEN');
  });
});
