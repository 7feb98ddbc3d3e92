/** Local accounts and sessions through the backend's one door, with a controllable clock. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../common/api/result';
import { createBackend } from '../../../main/backend';
import { DEMO_PASSWORD } from '../../../main/backend/demo/demo';
import { auditRepo } from '../../../db/repos/audit';
import { verifyAudit } from '../../../main/backend/audit/audit';
import { demoBackend, tempDir } from '../../support/backend';

let t: ReturnType<typeof demoBackend>;
let web: ReturnType<typeof createBackend>;
beforeAll(() => {
  t = demoBackend({ cases: 20 });
  // The same database as a host sees it: sessions only, no trusted user.
  web = createBackend({ dataDir: t.dataDir, host: 'web', now: t.clock.now });
});
afterAll(() => {
  web.close();
  t.cleanup();
});

const as = async <T>(token: string | undefined, name: string, input: unknown = {}) => (await web.dispatch(name, input, { token })) as Result<T>;
async function signIn(username: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await as<{ token: string }>(undefined, 'auth.login', { username, password });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.token;
}

describe('sessions', () => {
  it('refuses every non-public call without a session', async () => {
    const r = await as(undefined, 'cases.queue', {});
    expect(r.ok || r.error.code).toBe('UNAUTHENTICATED');
  });

  it('signs in with the right password, audits it, and scopes the caller', async () => {
    const token = await signIn('zhang.wei');
    const status = await as<{ user: { username: string } }>(token, 'auth.status');
    expect(status.ok && status.value.user.username).toBe('zhang.wei');
    const q = await as<{ total: number }>(token, 'cases.queue', {});
    expect(q.ok && q.value.total).toBeLessThan(20);
    const rows = auditRepo.all(t.db).filter((a) => a.action === 'auth.login' && a.outcome === 'ok');
    expect(rows.length).toBeGreaterThan(0);
  });

  it('locks after the idle time, keeps the session on unlock, and ends it after 12 hours', async () => {
    const token = await signIn('li.na');
    t.clock.advance(6 * 60_000);
    const locked = await as(token, 'cases.queue', {});
    expect(locked.ok || locked.error.code).toBe('LOCKED');
    const unlocked = await as<{ token: string }>(token, 'auth.login', { username: 'li.na', password: DEMO_PASSWORD });
    expect(unlocked.ok && unlocked.value.token).toBe(token);
    expect((await as(token, 'cases.queue', {})).ok).toBe(true);
    // Active all along (a call every 4 minutes), the session still ends 12 hours after sign-in.
    let minutes = 0;
    let refusal: { code: string; message: string } | null = null;
    while (refusal === null && minutes < 13 * 60) {
      t.clock.advance(4 * 60_000);
      minutes += 4;
      const r = await as(token, 'app.info', {});
      if (!r.ok) refusal = r.error;
    }
    expect(refusal?.code).toBe('UNAUTHENTICATED');
    expect(refusal?.message).toMatch(/12 hours/);
    expect(minutes).toBeGreaterThanOrEqual(12 * 60 - 10);
    expect(minutes).toBeLessThanOrEqual(12 * 60 + 4);
  });

  it('throttles wrong passwords: locked out after five, refused even with the right one, audited', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await as(undefined, 'auth.login', { username: 'chen.jie', password: 'not-the-password' });
      expect(r.ok || r.error.code).toBe('UNAUTHENTICATED');
    }
    const right = await as(undefined, 'auth.login', { username: 'chen.jie', password: DEMO_PASSWORD });
    expect(right.ok || right.error.message).toMatch(/locked/);
    const refused = auditRepo.all(t.db).filter((a) => a.action === 'auth.login' && a.outcome === 'refused');
    expect(refused.length).toBeGreaterThanOrEqual(6);
    expect(refused.map((a) => a.details_json).join()).not.toContain('not-the-password');
    // An admin reset clears the lockout.
    const admin = await signIn('admin');
    const chen = (t.db.prepare("SELECT id FROM users WHERE username = 'chen.jie'").get() as { id: string }).id;
    expect((await as(admin, 'users.resetPassword', { userId: chen, password: 'a-new-password-1' })).ok).toBe(true);
    expect((await as(undefined, 'auth.login', { username: 'chen.jie', password: 'a-new-password-1' })).ok).toBe(true);
    expect(verifyAudit(auditRepo.all(t.db))).toBeNull();
  });

  it('lets a user change their own password, with the current one', async () => {
    const token = await signIn('liu.yang');
    const wrong = await as(token, 'auth.changePassword', { current: 'nope', next: 'another-password-2' });
    expect(wrong.ok).toBe(false);
    expect((await as(token, 'auth.changePassword', { current: DEMO_PASSWORD, next: 'another-password-2' })).ok).toBe(true);
    await expect(signIn('liu.yang')).rejects.toThrow(/Wrong username or password/);
    expect(await signIn('liu.yang', 'another-password-2')).toMatch(/\S{20,}/);
  });

  it('refuses a role beyond the caller’s and audits the refusal', async () => {
    const token = await signIn('emma.jones');
    const before = auditRepo.all(t.db).length;
    const r = await as(token, 'users.create', { username: 'mallory', displayName: 'M', role: 'admin', password: 'password-123456' });
    expect(r.ok || r.error.code).toBe('FORBIDDEN');
    expect(auditRepo.all(t.db).length).toBe(before + 1);
  });
});

describe('first run', () => {
  it('creates the administrator once, then refuses', async () => {
    const dir = tempDir();
    const fresh = createBackend({ dataDir: dir, host: 'web' });
    try {
      const status = (await fresh.dispatch('auth.status', {}, {})) as Result<{ setupNeeded: boolean }>;
      expect(status.ok && status.value.setupNeeded).toBe(true);
      const weak = (await fresh.dispatch('auth.setupAdmin', { username: 'root', displayName: 'Root', password: 'short' }, {})) as Result<unknown>;
      expect(weak.ok || weak.error.code).toBe('VALIDATION');
      const ok = (await fresh.dispatch('auth.setupAdmin', { username: 'root', displayName: 'Root', password: 'long-enough-password' }, {})) as Result<{ user: { role: string } }>;
      expect(ok.ok && ok.value.user.role).toBe('admin');
      const again = (await fresh.dispatch('auth.setupAdmin', { username: 'root2', displayName: 'Root', password: 'long-enough-password' }, {})) as Result<unknown>;
      expect(again.ok || again.error.code).toBe('CONFLICT');
    } finally {
      fresh.close();
    }
  });
});

describe('the audit log', () => {
  it('is readable by supervisors, verifies, detects a tampered row, and nobody can edit it', async () => {
    const sup = await signIn('wang.fang');
    const list = await as<{ rows: { action: string }[]; total: number }>(sup, 'audit.list', { limit: 50 });
    expect(list.ok && list.value.total).toBeGreaterThan(0);
    const verify = await as<{ ok: boolean }>(sup, 'audit.verify');
    expect(verify.ok && verify.value.ok).toBe(true);
    const collector = await signIn('sam.taylor');
    const refused = await as(collector, 'audit.list', {});
    expect(refused.ok || refused.error.code).toBe('FORBIDDEN');
    expect(() => t.db.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    // Tamper underneath the triggers (as an attacker with the file would) and the chain says where.
    t.db.exec('DROP TRIGGER audit_log_no_update');
    t.db.prepare("UPDATE audit_log SET details_json = '{\"why\":\"edited\"}' WHERE seq = 2").run();
    const broken = await as<{ ok: boolean; brokenAt: number }>(sup, 'audit.verify');
    expect(broken.ok && broken.value).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
