/** Checks the workstation's request signature (common/protocol/auth.ts) and returns who is calling. */
import type { IncomingMessage } from 'node:http';
import { AUTH_SKEW_MS, authSigningString, parseAuthHeader } from '../common/protocol/auth';
import { sha256Hex, verifyWithPem } from './crypto';
import { HttpError } from './http';
import type { LenderStore, WorkstationRow } from './store/types';

export async function authenticate(req: IncomingMessage, body: Buffer, store: LenderStore, now: Date): Promise<WorkstationRow> {
  const header = parseAuthHeader(req.headers.authorization);
  if (!header) throw new HttpError('UNAUTHENTICATED', 'missing or malformed Authorization header (CaseDesk ws=…, ts=…, sig=…)');
  const ts = Date.parse(header.timestamp);
  if (!Number.isFinite(ts) || Math.abs(now.getTime() - ts) > AUTH_SKEW_MS) {
    throw new HttpError('UNAUTHENTICATED', 'request timestamp is missing or more than 5 minutes from the server clock');
  }
  const ws = await store.getWorkstation(header.workstationId);
  if (!ws) throw new HttpError('UNAUTHENTICATED', `workstation ${header.workstationId} is not enrolled`);
  const signed = authSigningString(req.method ?? 'GET', req.url ?? '/', header.timestamp, sha256Hex(body));
  if (!verifyWithPem(ws.publicKeyPem, new TextEncoder().encode(signed), header.signature)) {
    throw new HttpError('UNAUTHENTICATED', 'the request signature does not verify with the enrolled key');
  }
  return ws;
}
