/**
 * The reference lender server: plain node:http on 127.0.0.1. `startLenderServer` is what tests and
 * lender/server.ts use; it also exposes the lender's own actions (codes, packages, recalls).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './auth';
import type { LenderContext } from './context';
import { HttpError, readBody, sendError, sendJson } from './http';
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
import { openSqliteLenderStore } from './store/sqlite';
import type { FeedRow, LenderStore } from './store/types';

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

async function route(req: IncomingMessage, res: ServerResponse, lc: LenderContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://lender.invalid');
  const body = await readBody(req);
  const key = `${req.method ?? ''} ${url.pathname}`;
  switch (key) {
    case 'GET /v1/health':
      return sendJson(res, 200, { ok: true, lenderId: lc.identity.info.id });
    case 'GET /v1/lender':
      return sendJson(res, 200, { lender: lc.identity.info, publicKeyPem: lc.identity.keys.publicKeyPem });
    case 'POST /v1/enroll':
      return sendJson(res, 200, await enroll(body, lc));
    case 'POST /v1/reports': {
      const ws = await authenticate(req, body, lc.store, lc.now());
      return sendJson(res, 200, await pushReport(body, ws, lc));
    }
    case 'GET /v1/feed': {
      const ws = await authenticate(req, body, lc.store, lc.now());
      return sendJson(res, 200, await feed(url.searchParams, ws, lc));
    }
    case 'GET /v1/team/reports': {
      const ws = await authenticate(req, body, lc.store, lc.now());
      return sendJson(res, 200, await teamReports(url.searchParams, ws, lc));
    }
    case 'GET /v1/log/sth':
      return sendJson(res, 200, await signedTreeHead(lc));
    case 'GET /v1/log/proof':
      return sendJson(res, 200, await proof(url.searchParams, lc));
    case 'GET /v1/log/entries': {
      const ws = await authenticate(req, body, lc.store, lc.now());
      return sendJson(res, 200, await entries(url.searchParams, ws, lc));
    }
    case 'GET /v1/log/consistency':
      return sendJson(res, 200, await consistency(url.searchParams, lc));
    default:
      throw new HttpError('NOT_FOUND', `no route ${key}`);
  }
}

export async function startLenderServer(opts: LenderServerOptions): Promise<LenderServer> {
  const host = opts.host ?? '127.0.0.1';
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) throw new Error('the reference lender listens on loopback only');
  const store = opts.store ?? openSqliteLenderStore(opts.dbFile);
  const identity = await loadOrCreateIdentity(store, opts.lender ?? {});
  const lc: LenderContext = { store, identity, now: opts.now ?? (() => new Date()), faults: opts.faults ?? {}, acceptedSinceStart: 0 };

  const server = createServer((req, res) => {
    route(req, res, lc).catch((err: unknown) => {
      if (!(err instanceof HttpError)) console.error('lender: internal error', err);
      if (!res.headersSent) sendError(res, err);
      else res.destroy();
    });
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
