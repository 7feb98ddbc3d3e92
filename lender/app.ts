/**
 * The reference lender server: plain node:http on 127.0.0.1. `startLenderServer` is what tests and
 * lender/server.ts use; it also exposes the lender's own actions (codes, packages, recalls).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { preAuthenticate, verifySignature } from './auth';
import type { LenderContext } from './context';
import { HttpError, MAX_BODY_BYTES, readBody, sendError, sendJson } from './http';
import { loadOrCreateIdentity, type LenderInfo } from './identity';
import {
  publishAssignment,
  publishBalance,
  publishPayment,
  publishRaw,
  publishRecall,
  type AssignmentDraft,
  type BalanceDraft,
  type PaymentDraft,
  type Published,
  type RecallDraft,
} from './publish';
import { enroll } from './routes/enroll';
import { feed } from './routes/feed';
import { teamReports } from './routes/team';
import { consistency, entries, proof, signedTreeHead } from './routes/log';
import { pushReport } from './routes/reports';
import { rateLimiter, type RateLimiter } from './rate-limit';
import { openSqliteLenderStore } from './store/sqlite';
import type { FeedRow, LenderStore, WorkstationRow } from './store/types';

export interface LenderServerOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Only loopback addresses are accepted: this is a test peer, not an internet service. */
  host?: '127.0.0.1' | '::1' | 'localhost';
  dbFile: string;
  /** Or a store of your own (e.g. PostgreSQL); dbFile is then ignored. */
  store?: LenderStore;
  lender?: Partial<LenderInfo>;
  now?: () => Date;
  faults?: { crashAfterCommit?: number };
  /** Signed requests allowed per workstation per minute (default 600); past it, 429 RATE_LIMITED. */
  requestsPerMinute?: number;
}

export interface LenderServer {
  url: string;
  port: number;
  lender: LenderInfo;
  publicKeyPem: string;
  store: LenderStore;
  close(): Promise<void>;
  issueEnrollmentCode(opts?: { ttlMs?: number }): Promise<string>;
  publishAssignment(d: AssignmentDraft): Promise<Published>;
  recall(d: RecallDraft): Promise<Published>;
  publishBalance(d: BalanceDraft): Promise<Published>;
  publishPayment(d: PaymentDraft): Promise<Published>;
  /** Tests only: an arbitrary envelope, e.g. with a forged signature. */
  publishRaw(row: { audience: string; kind: FeedRow['kind']; payload: string; signature: string }): Promise<number>;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newCode(): string {
  const bytes = randomBytes(12);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** What a route reads: whether it needs a workstation's signature, and how large a body it takes. */
interface RouteSpec {
  signed: boolean;
  maxBody: number;
  run(body: Buffer, url: URL, ws: WorkstationRow | null, lc: LenderContext): Promise<unknown> | unknown;
}

const NO_BODY = 0;
const SMALL_BODY = 64 * 1024;

const ROUTES: Record<string, RouteSpec> = {
  'GET /v1/health': { signed: false, maxBody: NO_BODY, run: (_b, _u, _w, lc) => ({ ok: true, lenderId: lc.identity.info.id }) },
  'GET /v1/lender': { signed: false, maxBody: NO_BODY, run: (_b, _u, _w, lc) => ({ lender: lc.identity.info, publicKeyPem: lc.identity.keys.publicKeyPem }) },
  'POST /v1/enroll': { signed: false, maxBody: SMALL_BODY, run: (body, _u, _w, lc) => enroll(body, lc) },
  'POST /v1/reports': { signed: true, maxBody: MAX_BODY_BYTES, run: (body, _u, ws, lc) => pushReport(body, ws as WorkstationRow, lc) },
  'GET /v1/feed': { signed: true, maxBody: NO_BODY, run: (_b, url, ws, lc) => feed(url.searchParams, ws as WorkstationRow, lc) },
  'GET /v1/team/reports': { signed: true, maxBody: NO_BODY, run: (_b, url, ws, lc) => teamReports(url.searchParams, ws as WorkstationRow, lc) },
  'GET /v1/log/sth': { signed: false, maxBody: NO_BODY, run: (_b, _u, _w, lc) => signedTreeHead(lc) },
  'GET /v1/log/proof': { signed: false, maxBody: NO_BODY, run: (_b, url, _w, lc) => proof(url.searchParams, lc) },
  'GET /v1/log/entries': { signed: true, maxBody: NO_BODY, run: (_b, url, ws, lc) => entries(url.searchParams, ws as WorkstationRow, lc) },
  'GET /v1/log/consistency': { signed: false, maxBody: NO_BODY, run: (_b, url, _w, lc) => consistency(url.searchParams, lc) },
};

function parseUrl(raw: string | undefined): URL {
  try {
    return new URL(raw ?? '/', 'http://lender.invalid');
  } catch {
    throw new HttpError('BAD_REQUEST', 'the request URL cannot be parsed');
  }
}

/**
 * One request: route → (signed routes) the caller from the headers alone and its rate limit → the
 * body, streamed and bounded by the route → the signature over the body's hash → the handler.
 * Nothing is read from a caller refused before the body; `state.bodyRead` tells the error path
 * whether the connection may be kept.
 */
async function route(req: IncomingMessage, res: ServerResponse, lc: LenderContext, limits: RateLimiter, state: { bodyRead: boolean }): Promise<void> {
  const url = parseUrl(req.url);
  const key = `${req.method ?? ''} ${url.pathname}`;
  const spec = Object.hasOwn(ROUTES, key) ? ROUTES[key] : undefined;
  if (!spec) throw new HttpError('NOT_FOUND', `no route ${key}`);
  const pre = spec.signed ? await preAuthenticate(req, lc.store, lc.now()) : null;
  if (pre && !limits.take(pre.ws.id, Date.now())) throw new HttpError('RATE_LIMITED', 'too many requests from this workstation; retry in a minute');
  const { body, sha256Hex } = await readBody(req, spec.maxBody);
  state.bodyRead = true;
  const ws = pre ? verifySignature(req, pre, sha256Hex) : null;
  sendJson(res, 200, await spec.run(body, url, ws, lc));
}

export async function startLenderServer(opts: LenderServerOptions): Promise<LenderServer> {
  const host = opts.host ?? '127.0.0.1';
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) throw new Error('the reference lender listens on loopback only');
  const store = opts.store ?? openSqliteLenderStore(opts.dbFile);
  const identity = await loadOrCreateIdentity(store, opts.lender ?? {});
  const lc: LenderContext = { store, identity, now: opts.now ?? (() => new Date()), faults: opts.faults ?? {}, acceptedSinceStart: 0 };

  const limits = rateLimiter(opts.requestsPerMinute ?? 600);
  const server = createServer((req, res) => {
    const state = { bodyRead: false };
    route(req, res, lc, limits, state).catch((err: unknown) => {
      if (!(err instanceof HttpError)) console.error('lender: internal error', err);
      if (!res.headersSent) sendError(res, err, !state.bodyRead);
      else res.destroy();
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '::1' ? '[::1]' : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    lender: identity.info,
    publicKeyPem: identity.keys.publicKeyPem,
    store,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
    issueEnrollmentCode: async ({ ttlMs = 24 * 3600_000 } = {}) => {
      const code = newCode();
      const now = lc.now();
      await store.createEnrollmentCode(code, now.toISOString(), new Date(now.getTime() + ttlMs).toISOString());
      return code;
    },
    publishAssignment: (d) => publishAssignment(lc, d),
    recall: (d) => publishRecall(lc, d),
    publishBalance: (d) => publishBalance(lc, d),
    publishPayment: (d) => publishPayment(lc, d),
    publishRaw: (row) => publishRaw(lc, row),
  };
}
