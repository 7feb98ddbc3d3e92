/** Minimal HTTP plumbing for the reference server: bounded bodies, JSON in and out, typed errors. */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { HTTP_STATUS, type ProtocolError, type ProtocolErrorCode } from '../common/protocol/errors';

export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  body(): { error: ProtocolError } {
    return { error: this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details } };
  }
}

export interface ReadBody {
  body: Buffer;
  sha256Hex: string;
}

/**
 * Streams a body in, hashing as it comes, up to `limit` bytes: a Content-Length over the limit is
 * refused before a byte is read, and a body that grows past it (chunked, or lying) as soon as it does.
 */
export function readBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<ReadBody> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    return Promise.reject(new HttpError('TOO_LARGE', `body larger than ${limit} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const hash = createHash('sha256');
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        req.pause();
        reject(new HttpError('TOO_LARGE', `body larger than ${limit} bytes`));
        return;
      }
      hash.update(c);
      chunks.push(c);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), sha256Hex: hash.digest('hex') }));
    req.on('error', reject);
  });
}

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError('BAD_REQUEST', 'the body is not JSON');
  }
}

export function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

/** How much of an unwanted body is read and dropped after the answer, and for how long, before the socket is cut. */
const LINGER_BYTES = 1024 * 1024;
const LINGER_MS = 2_000;

/**
 * After answering a request whose body was not read. Closing a socket with unread bytes makes the
 * kernel send a reset, which can destroy the answer before the client reads it (and Node's own
 * `Connection: close` handling does exactly that). So: half-close, let at most LINGER_BYTES of what
 * is in flight be dropped (never kept), then stop reading — TCP flow control stalls the sender
 * without a reset — and cut the connection after LINGER_MS.
 */
function lingeringClose(socket: Socket): void {
  socket.end();
  let dropped = 0;
  const cut = setTimeout(() => socket.destroy(), LINGER_MS);
  cut.unref();
  socket.once('close', () => clearTimeout(cut));
  socket.on('data', (c: Buffer) => {
    dropped += c.length;
    if (dropped > LINGER_BYTES) socket.pause();
  });
}

/**
 * Answers with the protocol error. When the request's body was not read to its end (a refusal
 * before or while reading it), the connection is closed after the answer instead of draining the
 * rest of the body, so an unwanted upload costs the server nothing more.
 */
export function sendError(res: ServerResponse, err: unknown, bodyUnread = false): void {
  const e = err instanceof HttpError ? err : new HttpError('INTERNAL', 'internal error');
  if (bodyUnread) {
    const socket = res.req.socket;
    res.once('finish', () => lingeringClose(socket));
  }
  sendJson(res, HTTP_STATUS[e.code], e.body());
}

/** zod issues as `path: message` for error details. */
export function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
