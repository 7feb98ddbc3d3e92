/**
 * The loopback web host: the built renderer and the API over HTTP on 127.0.0.1 only.
 *   - a random port and a per-launch secret token; API calls without it get 401
 *   - Host must be our own 127.0.0.1:port / localhost:port (DNS-rebinding safe); Origin, when sent,
 *     must be our own origin; no CORS headers are ever sent
 *   - POST /api/<ns>.<method> with a JSON body → the result envelope, always JSON
 * A browser window gets in with a one-time launch code traded for an HttpOnly window cookie
 * (launch-codes.ts): the per-launch token itself never leaves this process except to in-process
 * callers, so it is in no process's arguments and no browser history.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, type Result } from '../../common/api/result';
import type { Backend } from '../backend/types';
import { SECURITY_HEADERS } from './security-headers';
import { LaunchCodes, windowCookie, windowCookieHeader } from './launch-codes';
import { decodeMethodName, parseRequestUrl } from './request-guard';
import { errorKind } from '../backend/process-guard';
import { mimeOf, resolveStatic } from './static';
import { trace, traceEnabled } from '../backend/trace';

export const MAX_BODY_BYTES = 1024 * 1024;
export const BRIDGE_PATH = '/casedesk-bridge.js';
export const LAUNCH_PATH = '/launch';

export interface HostOptions {
  backend: Backend;
  /** Folder with the built renderer (index.html). */
  rendererDir: string;
  /** The bundled bridge script that defines window.casedesk over fetch. */
  bridgeFile: string;
  port?: number;
  token?: string;
  /** Sign-in attempts allowed per minute across the host (default 20). */
  loginAttemptsPerMinute?: number;
  log?: (line: string) => void;
}

export interface RunningHost {
  url: string; // http://127.0.0.1:PORT
  /** A one-time URL (url + '/launch?code=…') a browser window opens to get in; onUsed runs once it is traded or expired. */
  launchUrl(onUsed?: () => void): string;
  origin: string;
  /** The per-launch token for in-process callers (Authorization: Bearer); never printed or passed on. */
  token: string;
  port: number;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

function sendResult(res: http.ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

/** Reads a body up to `limit` bytes; past it, drains the rest unread so the client gets our answer. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Login-style limiter: at most `max` unauthenticated attempts per minute, then 429. */
function rateLimiter(max: number) {
  let windowStart = Date.now();
  let count = 0;
  return (): boolean => {
    const t = Date.now();
    if (t - windowStart > 60_000) {
      windowStart = t;
      count = 0;
    }
    count += 1;
    return count <= max;
  };
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? crypto.randomBytes(32).toString('base64url');
  const log = opts.log ?? (() => undefined);
  const indexFile = `${opts.rendererDir}/index.html`;
  if (!fs.existsSync(indexFile)) throw new Error(`the renderer is not built: ${indexFile} is missing (run npm run build)`);
  if (!fs.existsSync(opts.bridgeFile)) throw new Error(`the host bridge is not built: ${opts.bridgeFile} is missing (run npm run build)`);
  const bridge = fs.readFileSync(opts.bridgeFile);
  // The bridge must run before the app bundle: inject it as the first script of <head>.
  const indexHtml = fs
    .readFileSync(indexFile, 'utf8')
    .replace('<head>', `<head>\n    <script src="${BRIDGE_PATH}"></script>`);
  const launch = new LaunchCodes();
  const badAuth = rateLimiter(30);
  const loginLimit = rateLimiter(opts.loginAttemptsPerMinute ?? 20);
  let allowedHosts: Set<string> = new Set();
  let origin = '';
  let allowedOrigins: Set<string> = new Set();

  // Every request runs inside one promise whose failure is answered here: nothing a client sends
  // (a URL new URL() refuses, a broken %-escape, a socket reset mid-body) can end the process.
  const server = http.createServer((req, res) => {
    handleRequest(req, res).catch((err: unknown) => {
      log(`request failed (${errorKind(err)})`);
      if (!res.headersSent) sendResult(res, 500, fail('INTERNAL', 'The request could not be handled.'));
      else res.destroy();
    });
  });
  server.on('clientError', (_err, socket) => {
    // Unparseable HTTP (bad request line, header, chunking): 400 and close, as Node would, but never a throw.
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  async function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (traceEnabled()) {
      // The path only (no query): static file names and API method names.
      const where = (req.url ?? '').replace(/[?#].*/, '').slice(0, 60);
      trace(`request ${req.method} ${where}`);
      res.once('finish', () => trace(`response ${res.statusCode} ${where}`));
    }
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) {
      sendResult(res, 403, fail('FORBIDDEN', 'This host only answers requests addressed to its own loopback address.'));
      return;
    }
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin)) {
      sendResult(res, 403, fail('FORBIDDEN', 'Requests from another origin are refused.'));
      return;
    }
    const url = parseRequestUrl(req.url, origin);
    if (url === null) {
      sendResult(res, 400, fail('VALIDATION', 'The request URL cannot be parsed.'));
      return;
    }
    const pathname = url.pathname;
    if (pathname.startsWith('/api/')) {
      await handleApi(req, res, pathname.slice('/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed', 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' });
      return;
    }
    if (pathname === LAUNCH_PATH) {
      handleLaunch(res, url.searchParams.get('code') ?? '');
      return;
    }
    if (pathname === BRIDGE_PATH) {
      send(res, 200, bridge, 'text/javascript; charset=utf-8', { 'Cache-Control': 'no-store' });
      return;
    }
    if (pathname === '/' || pathname === '/index.html') {
      send(res, 200, indexHtml, 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' });
      return;
    }
    const file = resolveStatic(opts.rendererDir, pathname);
    if (!file) {
      send(res, 404, 'not found', 'text/plain; charset=utf-8');
      return;
    }
    send(res, 200, fs.readFileSync(file), mimeOf(file));
  }

  /** Trades a live launch code for a window cookie, then sends the window to a clean URL. */
  function handleLaunch(res: http.ServerResponse, code: string): void {
    const credential = code ? launch.exchange(code) : null;
    if (!credential) {
      send(res, 403, 'This CaseDesk link was already used or has expired. Start CaseDesk again to open a new window.\n此 CaseDesk 链接已使用或已过期。请重新启动 CaseDesk 以打开新窗口。\n', 'text/plain; charset=utf-8', { 'Cache-Control': 'no-store' });
      return;
    }
    res.writeHead(303, { ...SECURITY_HEADERS, Location: '/', 'Set-Cookie': windowCookieHeader(credential), 'Cache-Control': 'no-store', 'Content-Length': 0 });
    res.end();
  }

  /**
   * The per-launch token as a Bearer header (in-process callers), or a window cookie on a request
   * that names our own origin (a page's fetch always does; a cross-site form cannot forge it).
   */
  function authorized(req: http.IncomingMessage): boolean {
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
    if (given && tokensEqual(given, token)) return true;
    return req.headers.origin !== undefined && allowedOrigins.has(req.headers.origin) && launch.isCredential(windowCookie(req.headers.cookie));
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (!authorized(req)) {
      if (!badAuth()) {
        sendResult(res, 429, fail('UNAUTHENTICATED', 'Too many requests without a valid token; wait a minute.'));
        return;
      }
      sendResult(res, 401, fail('UNAUTHENTICATED', 'This window is not connected to CaseDesk: open the link CaseDesk printed when it started, or start it again.'));
      return;
    }
    if (req.method !== 'POST') {
      sendResult(res, 405, fail('VALIDATION', 'API calls are POST requests with a JSON body.'));
      return;
    }
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      sendResult(res, 415, fail('VALIDATION', 'API calls need Content-Type: application/json.'));
      return;
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too_large') {
      sendResult(res, 413, fail('VALIDATION', `Request body larger than ${MAX_BODY_BYTES} bytes.`));
      return;
    }
    let input: unknown;
    try {
      const text = body.toString('utf8');
      input = text.length === 0 ? {} : JSON.parse(text);
    } catch {
      sendResult(res, 400, fail('VALIDATION', 'The request body is not valid JSON.'));
      return;
    }
    const method = decodeMethodName(name);
    if (method === null) {
      sendResult(res, 400, fail('VALIDATION', 'The API method name is not a valid URL path.'));
      return;
    }
    if ((method === 'auth.login' || method === 'auth.setupAdmin') && !loginLimit()) {
      sendResult(res, 429, fail('RATE_LIMITED', 'Too many sign-in attempts; wait a minute and try again.'));
      return;
    }
    const session = req.headers['x-casedesk-session'];
    const started = Date.now();
    const result = await opts.backend.dispatch(method, input, { token: typeof session === 'string' && session.length > 0 ? session : undefined });
    // Method, outcome and time only: never arguments or values (they may carry personal data).
    log(`api ${name.slice(0, 60)} ${result.ok ? 'ok' : result.error.code} ${Date.now() - started}ms`);
    sendResult(res, 200, result);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
  return {
    url: origin,
    launchUrl: (onUsed) => `${origin}${LAUNCH_PATH}?code=${launch.issue(undefined, onUsed)}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
