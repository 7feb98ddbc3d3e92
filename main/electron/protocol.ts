import { promises as fs } from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './origin';
import { CSP } from './security';

/** Must run before app 'ready'. Standard + secure gives app://casedesk a real origin for 'self'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type Resolved = { ok: true; file: string } | { ok: false; status: 400 | 403 };

/**
 * Maps an app:// URL to a file under `root`. The raw URL is checked as well as the parsed one,
 * because URL parsing silently folds `..` and `%2e%2e` away before we could see them.
 */
export function resolveAppPath(root: string, rawUrl: string): Resolved {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) {
    return { ok: false, status: 403 };
  }
  const rawPath = rawUrl.slice(`${APP_SCHEME}://`.length).replace(/^[^/]*/, '').replace(/[?#].*$/s, '');
  let decodedRaw: string;
  let decoded: string;
  try {
    decodedRaw = decodeURIComponent(rawPath);
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decodedRaw.includes('\0') || decoded.includes('\0')) return { ok: false, status: 400 };
  if ([decodedRaw, decoded].some((p) => p.split(/[/\\]/).includes('..'))) return { ok: false, status: 403 };

  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (!isInside(base, file)) return { ok: false, status: 403 };
  return { ok: true, file };
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** The request handler, separate from registration so it can be exercised without Electron. */
export function createAppRequestHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const resolved = resolveAppPath(rendererRoot, request.url);
    if (!resolved.ok) return textResponse(resolved.status, resolved.status === 403 ? 'Forbidden' : 'Bad request');
    try {
      // Symlinks inside dist must not lead out of it either.
      const [realRoot, realFile] = await Promise.all([fs.realpath(rendererRoot), fs.realpath(resolved.file)]);
      if (!isInside(realRoot, realFile)) return textResponse(403, 'Forbidden');
      const body = await fs.readFile(realFile);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          'content-type': mimeTypeOf(realFile),
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        },
      });
    } catch {
      return textResponse(404, 'Not found');
    }
  };
}

/** Serves dist/renderer at app://casedesk/. Call after app 'ready'. */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererRoot));
}
