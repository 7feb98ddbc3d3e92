/**
 * Checks the workstation's request signature (common/protocol/auth.ts) and returns who is calling.
 * In two steps, so a body is never read for a caller who cannot be one: `preAuthenticate` checks
 * what the headers alone can (header shape, fresh timestamp, an enrolled workstation) before the
 * body is read; `verifySignature` checks the signature over the body's hash once it has streamed in.
 */
import type { IncomingMessage } from 'node:http';
import { AUTH_SKEW_MS, authSigningString, parseAuthHeader, type AuthHeader } from '../common/protocol/auth';
import { verifyWithPem } from './crypto';
import { HttpError } from './http';
import type { LenderStore, WorkstationRow } from './store/types';

export interface PreAuthenticated {
  header: AuthHeader;
  ws: WorkstationRow;
}

export async function preAuthenticate(req: IncomingMessage, store: LenderStore, now: Date): Promise<PreAuthenticated> {
  const header = parseAuthHeader(req.headers.authorization);
  if (!header) throw new HttpError('UNAUTHENTICATED', 'missing or malformed Authorization header (CaseDesk ws=…, ts=…, sig=…)');
  const ts = Date.parse(header.timestamp);
  if (!Number.isFinite(ts) || Math.abs(now.getTime() - ts) > AUTH_SKEW_MS) {
    throw new HttpError('UNAUTHENTICATED', 'request timestamp is missing or more than 5 minutes from the server clock');
  }
  const ws = await store.getWorkstation(header.workstationId);
  if (!ws) throw new HttpError('UNAUTHENTICATED', `workstation ${header.workstationId} is not enrolled`);
  return { header, ws };
}

export function verifySignature(req: IncomingMessage, pre: PreAuthenticated, bodySha256Hex: string): WorkstationRow {
  const signed = authSigningString(req.method ?? 'GET', req.url ?? '/', pre.header.timestamp, bodySha256Hex);
  if (!verifyWithPem(pre.ws.publicKeyPem, new TextEncoder().encode(signed), pre.header.signature)) {
    throw new HttpError('UNAUTHENTICATED', 'the request signature does not verify with the enrolled key');
  }
  return pre.ws;
}
