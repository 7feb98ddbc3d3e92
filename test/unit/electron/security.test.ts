import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, FakeWebContents, recorder, session } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { CSP, applySessionPolicy, externalUrlOrNull, installWebContentsPolicy, openExternalSafely, withSecurityHeaders } =
  await import('../../../main/electron/security');

type HeadersCb = (details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void;

beforeEach(() => recorder.reset());

describe('Content-Security-Policy', () => {
  it('has no unsafe-eval, no unsafe-inline and no remote origins', () => {
    expect(CSP).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*|ws:/);
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'", "img-src 'self' data:"]) {
      expect(CSP).toContain(directive);
    }
  });

  it('is set on every response and replaces a weaker one the response carried', () => {
    applySessionPolicy(session.defaultSession as never);
    const onHeaders = recorder.headersReceived as unknown as HeadersCb;
    expect(onHeaders).toBeTypeOf('function');
    let out: { responseHeaders: Record<string, string[]> } | undefined;
    onHeaders(
      { url: 'app://casedesk/index.html', responseHeaders: { 'content-security-policy': ["script-src 'unsafe-eval' *"], 'Content-Type': ['text/html'] } },
      (r) => (out = r as typeof out),
    );
    const headers = out!.responseHeaders;
    const cspHeaders = Object.keys(headers).filter((k) => k.toLowerCase() === 'content-security-policy');
    expect(cspHeaders).toEqual(['Content-Security-Policy']);
    expect(headers['Content-Security-Policy']).toEqual([CSP]);
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headers['X-Content-Type-Options']).toEqual(['nosniff']);
  });

  it('adds the header when the response had none', () => {
    expect(withSecurityHeaders(undefined)['Content-Security-Policy']).toEqual([CSP]);
  });
});

describe('session policy', () => {
  beforeEach(() => applySessionPolicy(session.defaultSession as never));

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      (recorder.permissionRequest as unknown as (w: unknown, p: string, cb: (b: boolean) => void) => void)({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect((recorder.permissionCheck as unknown as (w: unknown, p: string) => boolean)(null, permission)).toBe(false);
    }
    expect((recorder.devicePermission as unknown as (d: unknown) => boolean)({})).toBe(false);
  });

  it('cancels remote and file loads but lets the app origin through', () => {
    const decide = (url: string): boolean => {
      let cancel: boolean | undefined;
      (recorder.beforeRequest as unknown as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url }, (r) => (cancel = r.cancel));
      return cancel!;
    };
    expect(decide('app://casedesk/assets/app.js')).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'ws://evil/', 'app://casedesk.evil/x', 'app://evil/']) {
      expect(decide(url)).toBe(true);
    }
  });
});

describe('web contents policy', () => {
  function hardened(): FakeWebContents {
    installWebContentsPolicy();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    return contents;
  }

  it('prevents every navigation, redirect and frame navigation', () => {
    const contents = hardened();
    for (const eventName of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const event = { preventDefault: vi.fn(), url: 'https://evil.example/' };
      contents.emit(eventName, event, 'https://evil.example/');
      expect(event.preventDefault, eventName).toHaveBeenCalled();
    }
  });

  it('denies window.open, even to allow-listed schemes', () => {
    const contents = hardened();
    for (const url of ['https://example.com/', 'app://casedesk/index.html', 'javascript:alert(1)', 'tel:+15550100']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('hands a tel: or mailto: link click to the OS, and nothing else', async () => {
    const contents = hardened();
    for (const url of ['tel:+15550100', 'mailto:a@example.com', 'https://evil.example/', 'file:///etc/passwd']) {
      const event = { preventDefault: vi.fn(), url };
      contents.emit('will-navigate', event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    await Promise.resolve();
    expect(recorder.openedExternally).toEqual(['tel:+15550100', 'mailto:a@example.com']);
  });

  it('prevents webview attachment', () => {
    const contents = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('openExternal', () => {
  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://evil.example/',
    'HTTP://evil.example/',
    'smb://share/x',
    'vbscript:msgbox',
    'https://user:pw@example.com/',
    'not a url',
    '//example.com',
  ])('refuses %s', async (url) => {
    expect(await openExternalSafely(url)).toBe(false);
    expect(recorder.openedExternally).toEqual([]);
  });

  it('refuses non-strings and absurdly long URLs', async () => {
    expect(await openExternalSafely({ href: 'https://example.com' })).toBe(false);
    expect(await openExternalSafely(`https://example.com/${'a'.repeat(3000)}`)).toBe(false);
  });

  it('opens tel and mailto, normalised by the URL parser', async () => {
    expect(await openExternalSafely('tel:+44 7700 900123')).toBe(true);
    expect(await openExternalSafely('mailto:support@example.com')).toBe(true);
    expect(recorder.openedExternally).toEqual(['tel:+44 7700 900123', 'mailto:support@example.com']);
  });

  it('refuses web pages and tel links that are not a plain number', async () => {
    for (const url of ['https://example.com/', 'tel:', 'tel:+', 'tel:javascript:alert(1)', 'tel:123;ext=<x>', 'tel:12']) {
      expect(await openExternalSafely(url), url).toBe(false);
      expect(externalUrlOrNull(url), url).toBeNull();
    }
    expect(recorder.openedExternally).toEqual([]);
  });
});
