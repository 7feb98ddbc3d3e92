import { app, shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../common/security/csp';
import { isAppUrl } from './origin';

/** The one policy for every response (common/security/csp.ts): 'self' is app://casedesk. */
export const CSP = CONTENT_SECURITY_POLICY;

/** Schemes the OS may open for us: a revealed number dials, an address writes. No web pages (http or https). */
export const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['tel:', 'mailto:']);

/** A dialable number and nothing else: digits, one leading "+", and the usual separators. */
const TEL = /^tel:\+?[0-9][0-9().\- ]{2,31}$/;

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

/**
 * Per-webContents policy: no navigation, no new windows, no webviews. A click on a `tel:` or
 * `mailto:` link is the one navigation handed on — to the OS, never loaded in the window.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    void openExternalSafely(url);
  });
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
}

/** Hooks every webContents the app ever creates, including ones we did not create ourselves. */
export function installWebContentsPolicy(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/**
 * The URL to hand to the OS, or null: only `tel:` (a plain number) and `mailto:`. Parsed with URL,
 * never substring-matched; credentials in the URL are refused.
 */
export function externalUrlOrNull(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(url.protocol)) return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'tel:' && !TEL.test(url.href)) return null;
  return url.href;
}

/** Opens allow-listed URLs in the OS; returns whether it did. */
export async function openExternalSafely(raw: unknown): Promise<boolean> {
  const url = externalUrlOrNull(raw);
  if (url === null) return false;
  await shell.openExternal(url, { activate: true });
  return true;
}
