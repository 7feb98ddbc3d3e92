/** The loopback host over real HTTP on 127.0.0.1: token, Origin and Host checks, static files, the API. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../main/host/server';
import { DEMO_PASSWORD } from '../../../main/backend/demo/demo';
import { demoBackend, dbFingerprint, tempDir } from '../../support/backend';

let t: ReturnType<typeof demoBackend>;
let host: RunningHost;
let rendererDir: string;
let bridge: string;
let session = '';

beforeAll(async () => {
  t = demoBackend({ cases: 30 });
  rendererDir = tempDir('casedesk-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body><div id="root"></div></body></html>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // Beside the renderer folder, not in it (the host must not serve it as an asset); removed after.
  bridge = path.join(rendererDir, '..', `bridge-${path.basename(rendererDir)}.js`);
  fs.writeFileSync(bridge, '/* bridge */');
  host = await startHost({ backend: t.backend, rendererDir, bridgeFile: bridge, loginAttemptsPerMinute: 4 });
  const login = JSON.parse((await api('auth.login', { username: 'wang.fang', password: DEMO_PASSWORD })).body) as { ok: boolean; value: { token: string } };
  expect(login.ok).toBe(true);
  session = login.value.token;
});
afterAll(async () => {
  await host.close();
  t.cleanup();
  fs.rmSync(rendererDir, { recursive: true, force: true });
  fs.rmSync(bridge, { force: true });
});

/** Raw HTTP so Host and Origin can be set freely (fetch forbids changing Host). */
function request(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  request({
    path: `/api/${method}`,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...(session ? { 'X-CaseDesk-Session': session } : {}), ...headers },
    body: JSON.stringify(input),
  });

describe('loopback host', () => {
  it('listens on 127.0.0.1 only, on a random port', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.port).toBeGreaterThan(0);
  });

  it('serves the renderer with the bridge injected first and a strict CSP', async () => {
    const r = await request({ path: '/' });
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/<head>\s*<script src="\/casedesk-bridge\.js"><\/script>/);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers API calls with the token', async () => {
    const r = await api('cases.queue', { limit: 5 });
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body) as { ok: boolean; value: { total: number } };
    expect(body.ok).toBe(true);
    expect(body.value.total).toBe(30);
  });

  it('needs a signed-in session for everything but sign-in itself', async () => {
    const anonymous = JSON.parse((await api('cases.queue', {}, { 'X-CaseDesk-Session': '' })).body) as { ok: boolean; error: { code: string } };
    expect(anonymous.error.code).toBe('UNAUTHENTICATED');
    const forged = JSON.parse((await api('cases.queue', {}, { 'X-CaseDesk-Session': 'forged-session' })).body) as { ok: boolean; error: { code: string } };
    expect(forged.error.code).toBe('UNAUTHENTICATED');
    const status = JSON.parse((await api('auth.status', {}, { 'X-CaseDesk-Session': '' })).body) as { ok: boolean; value: { user: unknown } };
    expect(status.ok && status.value.user).toBe(null);
  });

  it('rate-limits sign-in attempts', async () => {
    let limited = 0;
    for (let i = 0; i < 6; i++) {
      const r = await api('auth.login', { username: 'nobody', password: 'wrong-password' }, { 'X-CaseDesk-Session': '' });
      if (r.status === 429) limited += 1;
    }
    expect(limited).toBeGreaterThan(0);
  }, 60_000);

  it('refuses API calls without the token or with a wrong one', async () => {
    const none = await request({ path: '/api/cases.queue', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const wrong = await api('cases.queue', {}, { Authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
  });

  it('refuses another Origin and a forged Host header (DNS rebinding)', async () => {
    const origin = await api('cases.queue', {}, { Origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    const forged = await api('cases.queue', {}, { Host: `evil.example:${host.port}` });
    expect(forged.status).toBe(403);
    const page = await request({ path: '/', headers: { Host: 'attacker.test' } });
    expect(page.status).toBe(403);
    const own = await api('cases.queue', { limit: 1 }, { Origin: host.origin });
    expect(own.status).toBe(200);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/%00', '/..%5c..%5cwindows']) {
      const r = await request({ path: p });
      expect([403, 404], p).toContain(r.status);
      expect(r.body).not.toContain('root:');
    }
    const ok = await request({ path: '/assets/app.js' });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toContain('javascript');
  });

  it('rejects bad JSON, oversized bodies and wrong content types without touching the database', async () => {
    const before = dbFingerprint(t.db);
    const bad = await request({ path: '/api/contacts.log', method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` }, body: '{"caseId":' });
    expect(bad.status).toBe(400);
    const big = await api('contacts.log', { text: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.status).toBe(413);
    const form = await request({ path: '/api/cases.queue', method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${host.token}` }, body: 'a=1' });
    expect(form.status).toBe(415);
    const invalid = JSON.parse((await api('contacts.log', { caseId: 'x' })).body) as { ok: boolean; error: { code: string } };
    expect(invalid.error.code).toBe('VALIDATION');
    expect(dbFingerprint(t.db)).toEqual(before);
  });
});
