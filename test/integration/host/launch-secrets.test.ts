/**
 * Secrets in their place (issue 16, item 3). The real `runHost` in a child process opens a stand-in
 * browser (CASEDESK_CHROMIUM, a script that records the arguments `ps` shows for it): nothing in
 * them is a secret — the window is pointed at an owner-only file in the data folder that forwards
 * it to a one-time launch URL. A launch code works once, then never again; the window credential
 * it buys is an HttpOnly, SameSite=Strict session cookie; a call with it needs our own Origin.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../support/backend';
import { openLaunchUrl } from './support/host-auth';
import { rawRequest, startHostProcess, type HostProcess } from './support/host-process';

let host: HostProcess;
let scratch: string;
let recorded: string;

beforeAll(async () => {
  scratch = tempDir('casedesk-fake-browser-');
  recorded = path.join(scratch, 'argv.txt');
  const browser = path.join(scratch, 'fake-chromium.sh');
  // Records its own command line as `ps` reads it (/proc/PID/cmdline), then exits.
  fs.writeFileSync(browser, `#!/bin/sh\ntr '\\0' '\\n' < /proc/$$/cmdline > '${recorded}'\n`, { mode: 0o700 });
  host = await startHostProcess({ flags: ['--plain'], env: { CASEDESK_CHROMIUM: browser } });
  const until = Date.now() + 15_000;
  while (!(fs.existsSync(recorded) && fs.readFileSync(recorded, 'utf8').includes('--app=')) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
});
afterAll(async () => {
  await host.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const appArg = () => fs.readFileSync(recorded, 'utf8').split('\n').find((a) => a.startsWith('--app=')) ?? '';

describe('the browser window', () => {
  it('is opened with arguments that hold no token, code or credential', () => {
    const argv = fs.readFileSync(recorded, 'utf8');
    expect(argv).not.toMatch(/token|code=|casedesk_window|launch\?/i);
    expect(appArg()).toMatch(/^--app=file:\/\//);
    // Neither does the host's own command line.
    expect(fs.readFileSync(`/proc/${host.child.pid}/cmdline`, 'utf8')).not.toMatch(/token|code=/i);
  });

  it('forwards through an owner-only file to a one-time launch URL that works once, then the file is gone', async () => {
    const file = fileURLToPath(appArg().slice('--app='.length));
    expect(path.dirname(file)).toBe(host.dataDir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const launchUrl = /url=([^"]+)"/.exec(fs.readFileSync(file, 'utf8'))?.[1]?.replace(/&#38;/g, '&') ?? '';
    expect(launchUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/launch\\?code=`));
    const first = await openLaunchUrl(host.port, launchUrl);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/^casedesk_window=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(fs.existsSync(file), 'the forwarding file is removed once its code is used').toBe(false);
    expect((await openLaunchUrl(host.port, launchUrl)).status).toBe(403);
  });
});

describe('the printed one-time link', () => {
  it('works once and fails the second time', async () => {
    const first = await openLaunchUrl(host.port, host.url);
    expect(first.status).toBe(303);
    const second = await openLaunchUrl(host.port, host.url);
    expect(second.status).toBe(403);
    expect(second.headers['set-cookie']).toBeUndefined();
  });

  it('buys a window cookie that calls the API only with our own Origin', async () => {
    // host.url was used above; a fresh host-issued link is not available from outside, so the
    // cookie from the browser's link (used in the test above) is not reused: take a new host.
    const other = await startHostProcess();
    try {
      const r = await openLaunchUrl(other.port, other.url);
      const cookie = /^(casedesk_window=[^;]+)/.exec(String(r.headers['set-cookie']))?.[1] ?? '';
      const call = (headers: Record<string, string>) =>
        rawRequest(other.port, { path: '/api/auth.status', method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
      expect((await call({ Cookie: cookie, Origin: `http://127.0.0.1:${other.port}` })).status).toBe(200);
      expect((await call({ Cookie: cookie })).status, 'no Origin: not a page of ours').toBe(401);
      expect((await call({ Cookie: 'casedesk_window=forged', Origin: `http://127.0.0.1:${other.port}` })).status).toBe(401);
      expect((await call({ Origin: `http://127.0.0.1:${other.port}` })).status).toBe(401);
    } finally {
      await other.stop();
    }
  });
});
