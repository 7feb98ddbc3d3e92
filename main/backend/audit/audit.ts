/**
 * The audit log: who did what, when, to which object, with what outcome. Append-only (triggers)
 * and hash-chained, so removing or editing a row breaks every hash after it. Details never carry
 * personal data: a reveal records which field and why, not the value.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { newId } from '../../../common/ids';
import { auditRepo, type AuditRow } from '../../../db/repos/audit';
import type { Db } from '../../../db/open';

export const AUDIT_GENESIS = '0'.repeat(64);

export interface AuditEntry {
  actorId: string | null;
  action: string; // e.g. 'pii.reveal', 'contact.log', 'auth.login'
  objectType: string;
  objectId: string | null;
  outcome: 'ok' | 'refused' | 'failed';
  details?: Record<string, unknown>;
}

function hashOf(prevHash: string, r: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const canonical = canonicalize(r) ?? '';
  return createHash('sha256').update(prevHash, 'hex').update(canonical, 'utf8').digest('hex');
}

/** Appends one entry; call inside the same transaction as the act it records. */
export function appendAudit(db: Db, at: string, e: AuditEntry): AuditRow {
  const head = auditRepo.head(db);
  const prev = head?.hash ?? AUDIT_GENESIS;
  const body = {
    seq: (head?.seq ?? 0) + 1,
    id: newId(),
    at,
    actor_id: e.actorId,
    action: e.action,
    object_type: e.objectType,
    object_id: e.objectId,
    outcome: e.outcome,
    details_json: JSON.stringify(e.details ?? {}),
  };
  const row: AuditRow = { ...body, prev_hash: prev, hash: hashOf(prev, body) };
  auditRepo.insert(db, row);
  return row;
}

/** Re-computes the chain; returns the first broken sequence number, or null when intact. */
export function verifyAudit(rows: readonly AuditRow[]): { brokenAt: number; why: string } | null {
  let prev = AUDIT_GENESIS;
  let expectedSeq = 1;
  for (const r of rows) {
    if (r.seq !== expectedSeq) return { brokenAt: r.seq, why: `expected sequence ${expectedSeq}, found ${r.seq}` };
    if (r.prev_hash !== prev) return { brokenAt: r.seq, why: 'prev_hash does not match the previous entry' };
    const { hash, prev_hash: _p, ...body } = r;
    if (hashOf(prev, body) !== hash) return { brokenAt: r.seq, why: 'entry content does not match its hash' };
    prev = hash;
    expectedSeq += 1;
  }
  return null;
}
