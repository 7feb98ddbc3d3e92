/**
 * The workstation's HTTP client for the lender protocol. Every response is parsed from unknown;
 * a refusal becomes LenderRefusedError (permanent: retrying will not help), anything else that
 * goes wrong on the way becomes LenderUnreachableError (transient: back off and retry).
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { authSigningString, formatAuthHeader } from '../../../common/protocol/auth';
import { EnrollResponse, type EnrollRequest } from '../../../common/protocol/enrollment';
import { PROTOCOL_ERROR_CODES, type ProtocolErrorCode } from '../../../common/protocol/errors';
import { FeedResponse } from '../../../common/protocol/feed';
import { TeamReportsResponse } from '../../../common/protocol/team';
import { ConsistencyProofSchema, LogEntriesSchema, PushReportResponse } from '../../../common/protocol/receipt';
import type { PushReportBody } from '../../../common/protocol/report';
import type { Signer } from './identity';

export class LenderRefusedError extends Error {
  override readonly name = 'LenderRefusedError';
  constructor(
    readonly status: number,
    readonly code: ProtocolErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class LenderUnreachableError extends Error {
  override readonly name = 'LenderUnreachableError';
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

export interface LenderClientOptions {
  baseUrl: string;
  signer?: Signer;
  now: () => Date;
  fetch?: FetchLike;
  timeoutMs?: number;
}

function errorBody(status: number, text: string): LenderRefusedError | LenderUnreachableError {
  try {
    const raw = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    const e = raw.error;
    if (e && typeof e.message === 'string' && (PROTOCOL_ERROR_CODES as readonly unknown[]).includes(e.code)) {
      const code = e.code as ProtocolErrorCode;
      // A server-side fault or a rate limit is worth retrying; a refusal is not.
      if (status >= 500 || code === 'RATE_LIMITED') return new LenderUnreachableError(`lender error ${status}: ${e.message}`);
      return new LenderRefusedError(status, code, e.message, e.details);
    }
  } catch {
    // fall through: not a protocol error body
  }
  return new LenderUnreachableError(`lender answered HTTP ${status} without a protocol error body`);
}

export function lenderClient(opts: LenderClientOptions) {
  const doFetch: FetchLike = opts.fetch ?? ((url, init) => fetch(url, init));
  const base = opts.baseUrl.replace(/\/+$/, '');

  async function callOnce<S extends z.ZodType>(method: 'GET' | 'POST', path: string, body: unknown, schema: S, signed: boolean): Promise<z.output<S>> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (signed) {
      if (!opts.signer) throw new Error('this request needs the workstation key');
      const ts = opts.now().toISOString();
      const bodyHash = createHash('sha256').update(text).digest('hex');
      const sig = opts.signer.sign(new TextEncoder().encode(authSigningString(method, path, ts, bodyHash)));
      headers.authorization = formatAuthHeader({ workstationId: opts.signer.workstationId, timestamp: ts, signature: Buffer.from(sig).toString('base64') });
    }
    let res;
    let resText: string;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: text }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
      });
      resText = await res.text();
    } catch (err) {
      throw new LenderUnreachableError(`lender unreachable at ${base}: ${(err as Error).message}`);
    }
    if (res.status !== 200) throw errorBody(res.status, resText);
    let raw: unknown;
    try {
      raw = JSON.parse(resText);
    } catch {
      throw new LenderUnreachableError(`lender answered ${path} with something that is not JSON`);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new LenderUnreachableError(`lender answer to ${path} does not match the protocol: ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data;
  }

  /**
   * A keep-alive connection the server is closing can fail a request that never arrived; pushes and
   * feed reads are safe to repeat (a repeated push is acknowledged as a duplicate), so they get one
   * retry, signed afresh. Enrolment (a one-time code) never is repeated.
   */
  async function call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, body: unknown, schema: S, signed: boolean, idempotent = true): Promise<z.output<S>> {
    try {
      return await callOnce(method, path, body, schema, signed);
    } catch (err) {
      if (!idempotent || !(err instanceof LenderUnreachableError) || !/fetch failed|ECONNRESET|socket|other side closed|UND_ERR/i.test(err.message)) throw err;
      return callOnce(method, path, body, schema, signed);
    }
  }

  return {
    enroll: (req: EnrollRequest) => call('POST', '/v1/enroll', req, EnrollResponse, false, false),
    pushReport: (body: PushReportBody) => call('POST', '/v1/reports', body, PushReportResponse, true),
    feed: (after: number, limit: number) => call('GET', `/v1/feed?after=${after}&limit=${limit}`, undefined, FeedResponse, true),
    teamReports: (after: number, limit: number) => call('GET', `/v1/team/reports?after=${after}&limit=${limit}`, undefined, TeamReportsResponse, true),
    logConsistency: (first: number, second: number) => call('GET', `/v1/log/consistency?first=${first}&second=${second}`, undefined, ConsistencyProofSchema, false),
    logEntries: (start: number, end: number) => call('GET', `/v1/log/entries?start=${start}&end=${end}`, undefined, LogEntriesSchema, true),
  };
}

export type LenderClient = ReturnType<typeof lenderClient>;
