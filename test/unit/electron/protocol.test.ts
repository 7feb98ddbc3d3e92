import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recorder } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { createAppRequestHandler, mimeTypeOf, registerAppScheme, resolveAppPath, serveRenderer } = await import(
  '../../../main/electron/protocol'
);
const { CSP } = await import('../../../main/electron/security');

let base: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'casedesk-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>CaseDesk</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(path.join(root, 'assets', 'font.woff2'), 'x');
  writeFileSync(path.join(base, 'secret.txt'), 'root:x:0:0:SECRET');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  handle = createAppRequestHandler(root);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string) => handle(new Request(url));

describe('app:// scheme', () => {
  it('is registered as privileged (standard, secure) without bypassing CSP', () => {
    recorder.reset();
    registerAppScheme();
    expect(recorder.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(JSON.stringify(recorder.privilegedSchemes)).not.toContain('bypassCSP');
  });

  it('registers a protocol.handle handler for app', () => {
    recorder.reset();
    serveRenderer(root);
    expect(recorder.protocolHandlers.has('app')).toBe(true);
  });
});

describe('serving dist/renderer', () => {
  it('serves index.html at the root with the CSP and the right MIME type', async () => {
    for (const url of ['app://casedesk/', 'app://casedesk/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(await res.text()).toContain('CaseDesk');
    }
  });

  it.each([
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/font.woff2', 'font/woff2'],
  ])('serves %s as %s', async (file, mime) => {
    const res = await get(`app://casedesk/${file}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(mime);
  });

  it('falls back to octet-stream for unknown extensions', () => {
    expect(mimeTypeOf('x.bin')).toBe('application/octet-stream');
  });

  it('answers 404 for missing files and 405 for writes', async () => {
    expect((await get('app://casedesk/nope.js')).status).toBe(404);
    expect((await handle(new Request('app://casedesk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('path traversal', () => {
  const traversals = [
    'app://casedesk/../../etc/passwd',
    'app://casedesk/%2e%2e/%2e%2e/etc/passwd',
    'app://casedesk/%2E%2E/secret.txt',
    'app://casedesk/..%2f..%2fetc%2fpasswd',
    'app://casedesk/..%2fsecret.txt',
    'app://casedesk/assets/..%5c..%5csecret.txt',
    'app://casedesk/assets/..\\..\\secret.txt',
  ];

  it.each(traversals)('resolveAppPath refuses %s (raw URL, before normalisation)', (url) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: false, status: 403 });
  });

  it.each(traversals)('the handler never serves anything outside the root for %s', async (url) => {
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toMatch(/root:|SECRET/);
  });

  it('refuses a symlink that leads out of the root', async () => {
    const res = await get('app://casedesk/assets/link.txt');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('SECRET');
  });

  it('refuses other hosts, credentials, NUL bytes and broken escapes', () => {
    expect(resolveAppPath(root, 'app://evil/index.html')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'app://casedesk.evil/index.html')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'app://u:p@casedesk/index.html')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'file:///etc/passwd')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'app://casedesk/index.html%00.js')).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath(root, 'app://casedesk/%E0%A4%A')).toEqual({ ok: false, status: 400 });
  });

  it('ignores query strings and fragments', () => {
    expect(resolveAppPath(root, 'app://casedesk/index.html?x=../../etc#..')).toEqual({ ok: true, file: path.join(root, 'index.html') });
  });
});
