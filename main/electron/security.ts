import { app, shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../common/security/csp';
import { isAppUrl } from './origin';

/** The one policy for every response (common/security/csp.ts): 'self' is app://casedesk. */
export const CSP = CONTENT_SECURITY_POLICY;

/** Schemes the OS may open for us. http is deliberately absent. */
export const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['https:', 'mailto:']);

/** Request schemes the renderer may load at all; anything else (http, ws, file, ftp) is cancelled. */
const LOADABLE_SCHEMES: ReadonlySet<string> = new Set(['data:', 'blob:', 'devtools:']);

type Headers = Record<string, string[] | string>;

/** Replaces any CSP the response carried (case-insensitively) with ours. */
export function withSecurityHeaders(headers: Headers | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    if (lower === 'x-content-type-options') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CSP];
  out['X-Content-Type-Options'] = ['nosniff'];
  return out;
}

export function isLoadableUrl(raw: string): boolean {
  if (isAppUrl(raw)) return true;
  try {
    return LOADABLE_SCHEMES.has(new URL(raw).protocol);
  } catch {
    return false;
  }
}

/** Session-wide policy: CSP on every response, no remote loads, every permission denied. */
export function applySessionPolicy(ses: Session): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isLoadableUrl(details.url) });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/** Per-webContents policy: no navigation, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Hooks every webContents the app ever creates, including ones we did not create ourselves. */
export function installWebContentsPolicy(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/**
 * The URL to hand to the OS, or null. Parsed with URL, never substring-matched; credentials in
 * the URL are refused. With `allowedHosts`, an https URL's hostname must equal one of them exactly,
 * so `https://example.com.evil.tld` and `https://example.com@evil.tld` do not pass as example.com.
 */
export function externalUrlOrNull(raw: unknown, allowedHosts?: ReadonlySet<string>): string | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(url.protocol)) return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'https:') {
    if (url.hostname === '') return null;
    if (allowedHosts && !allowedHosts.has(url.hostname)) return null;
  }
  return url.href;
}

/** Opens allow-listed URLs in the OS; returns whether it did. */
export async function openExternalSafely(raw: unknown, allowedHosts?: ReadonlySet<string>): Promise<boolean> {
  const url = externalUrlOrNull(raw, allowedHosts);
  if (url === null) return false;
  await shell.openExternal(url, { activate: true });
  return true;
}
