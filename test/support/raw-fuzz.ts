/**
 * Raw-socket fuzzing of an HTTP server on 127.0.0.1: malformed request lines, headers, paths and
 * bodies written straight to a TCP socket (no HTTP client to tidy them up). Bounded in count and
 * time; a seeded generator makes a failure reproducible.
 */
import net from 'node:net';

/** mulberry32: small, seeded, good enough to pick cases. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATHS = ['//[', 'http://[/', '//[::1', 'http://[', '//', '/%', '/%E0%A4%A', '/%ff', '/%00', '/..%2f..%2f', '*', '', ' ', '/\u0000', '//x:99999999', 'http://a:b@[/', '/?%', '/#%'];
const API_NAMES = ['auth.%E0%A4%A', '%E0%A4%A', 'auth.status%', '%', '%%', '%uD800', 'auth.login%C0%AF', 'x'.repeat(5000), '..%2f..%2fetc', 'auth.status?x=%', '%F0%9F%98'];
const METHODS = ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'PATCH', 'BREW', 'G\u0000T', ''];
const BODIES = ['', '{', '{"a":', 'null', '[]', '"x"', '\u0000\u0001', '{"username":{"$gt":""}}', '{"__proto__":{"x":1}}', 'x'.repeat(2048)];

export interface FuzzContext {
  host: string;
  /** Headers that pass authentication, so the fuzz reaches the code behind it. */
  auth: Record<string, string>;
  /** Prefix of API paths, e.g. '/api/' (host) or '/v1/' (lender). */
  apiPrefix: string;
}

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)] as T;
}

function garbage(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(rand() * 256));
  return s;
}

/** One malformed (or half-well-formed) request as raw bytes. */
export function malformedRequest(rand: () => number, ctx: FuzzContext): Buffer {
  const kind = Math.floor(rand() * 8);
  const headers: string[] = [`Host: ${rand() < 0.85 ? ctx.host : pick(rand, ['', '[', 'evil', ctx.host + '\u0000'])}`];
  if (rand() < 0.7) headers.push(...Object.entries(ctx.auth).map(([k, v]) => `${k}: ${v}`));
  if (rand() < 0.5) headers.push('Content-Type: application/json');
  let path: string;
  if (kind <= 2) path = pick(rand, PATHS);
  else if (kind <= 4) path = ctx.apiPrefix + pick(rand, API_NAMES);
  else path = `/${garbage(rand, Math.floor(rand() * 40)).replace(/[\r\n ]/g, '%')}`;
  const method = pick(rand, METHODS);
  const version = rand() < 0.9 ? 'HTTP/1.1' : pick(rand, ['HTTP/9.9', 'HTTP/1', '', 'HTTP/1.1 extra']);
  let body = pick(rand, BODIES);
  if (kind === 6) {
    // Lying framing: a Content-Length that disagrees with the body, or broken chunking.
    headers.push(rand() < 0.5 ? `Content-Length: ${pick(rand, ['-1', '99999999999999999999', 'abc', '5, 6', String(body.length + 10)])}` : 'Transfer-Encoding: chunked');
    if (headers.at(-1)?.startsWith('Transfer')) body = pick(rand, ['zz\r\nabc\r\n', '5\r\nab\r\n0\r\n\r\n', 'ffffffffffffffff\r\n']);
  } else {
    headers.push(`Content-Length: ${Buffer.byteLength(body, 'latin1')}`);
  }
  if (kind === 7) headers.push(`${garbage(rand, 8).replace(/[\r\n:]/g, 'x')}: ${garbage(rand, 30).replace(/[\r\n]/g, ' ')}`, `X-Long: ${'a'.repeat(Math.floor(rand() * 20_000))}`);
  const line = kind === 5 && rand() < 0.3 ? garbage(rand, 60) : `${method} ${path} ${version}`;
  return Buffer.from(`${line}\r\n${headers.join('\r\n')}\r\n\r\n${body}`, 'latin1');
}

/** Writes each request on its own connection, a few at a time; waits up to perRequestMs for the server to answer or close. */
export async function sendRaw(port: number, requests: Buffer[], opts: { concurrency?: number; perRequestMs?: number } = {}): Promise<{ answered: number; statuses: Map<number, number> }> {
  const concurrency = opts.concurrency ?? 16;
  const perRequestMs = opts.perRequestMs ?? 1_000;
  let next = 0;
  let answered = 0;
  const statuses = new Map<number, number>();
  const one = (bytes: Buffer) =>
    new Promise<void>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      let head = '';
      const done = () => {
        clearTimeout(timer);
        socket.destroy();
        resolve();
      };
      const timer = setTimeout(done, perRequestMs);
      socket.on('connect', () => socket.end(bytes));
      socket.on('data', (c: Buffer) => {
        if (head.length < 20) head += c.toString('latin1');
        const m = /^HTTP\/1\.1 (\d{3})/.exec(head);
        if (m) {
          answered += 1;
          statuses.set(Number(m[1]), (statuses.get(Number(m[1])) ?? 0) + 1);
          done();
        }
      });
      socket.on('error', done);
      socket.on('close', done);
    });
  const workers = Array.from({ length: concurrency }, async () => {
    while (next < requests.length) {
      const bytes = requests[next++] as Buffer;
      await one(bytes);
    }
  });
  await Promise.all(workers);
  return { answered, statuses };
}
