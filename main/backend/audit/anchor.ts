/**
 * audit.verify: the local audit log checked three ways — its hash chain, its keyed hashes (keyed.ts)
 * and the last head a lender receipted. Progress reports carry `auditHead: {seq, hash}` and the
 * lender's signed receipt covers the report, so a log shorter than the receipted seq was truncated,
 * and a log whose entry at that seq has another hash was rewritten (re-hashing cannot hide it: the
 * lender holds the old head). Entries after the last receipted head are checked only locally, and
 * the verdict counts them as unanchored.
 */
import type { AuditAnchorView, AuditProblemCode, AuditVerifyView } from '../../../common/domain/audit/verdict';
import { auditAnchorsRepo } from '../../../db/repos/audit-anchors';
import { auditRepo } from '../../../db/repos/audit';
import type { Db } from '../../../db/open';
import { KEYED_MISMATCH, verifyAuditLog } from './audit';
import { auditKeying } from './keyed';

const NO_ANCHOR: AuditAnchorView = { state: 'none', reportId: null, receivedAt: null, seq: null, hash: null };

const isHead = (h: { seq: unknown; hash: unknown } | undefined): h is { seq: number; hash: string } =>
  h !== undefined && typeof h.seq === 'number' && Number.isSafeInteger(h.seq) && h.seq >= 0 && typeof h.hash === 'string' && /^[0-9a-f]{64}$/.test(h.hash);

/** The audit head of the newest receipted report that carries one; NO_ANCHOR when none does. */
export function lastReceiptedAuditHead(db: Db): AuditAnchorView {
  for (const r of auditAnchorsRepo.receiptedNewestFirst(db)) {
    const head = auditAnchorsRepo.auditHead(db, r.id);
    if (isHead(head)) return { state: 'ok', reportId: r.id, receivedAt: r.received_at, seq: head.seq, hash: head.hash };
  }
  return NO_ANCHOR;
}

/**
 * Where the log stands against the anchor: no entry at the anchored seq (with an intact chain,
 * the log ends before it), or another hash there.
 */
function anchorState(db: Db, anchor: AuditAnchorView): AuditAnchorView['state'] {
  if (anchor.seq === null || anchor.seq === 0) return anchor.state;
  const hash = auditRepo.hashAt(db, anchor.seq);
  if (hash === undefined) return 'truncated';
  return hash === anchor.hash ? 'ok' : 'rewritten';
}

export async function verifyAuditAnchored(db: Db, opts: { chunkRows?: number; pause?: () => Promise<void> } = {}): Promise<AuditVerifyView> {
  const keying = auditKeying(db);
  const anchor = lastReceiptedAuditHead(db);
  const { entries, broken } = await verifyAuditLog(db, { ...opts, keying });
  const base = { entries, keyedFrom: keying?.since ?? null, unanchored: Math.max(0, entries - (anchor.seq ?? 0)) };
  // Evaluated even when the chain is broken, so the screen says where the anchor stands too.
  const state = anchorState(db, anchor);
  const failed = (problem: AuditProblemCode, brokenAt: number | null, why: string): AuditVerifyView => ({
    ...base,
    ok: false,
    brokenAt,
    why,
    problem,
    anchor: { ...anchor, state },
  });
  if (broken) return failed(broken.why === KEYED_MISMATCH ? 'keyed_mismatch' : 'chain_broken', broken.brokenAt, broken.why);
  if (state === 'truncated') {
    return failed('truncated', entries + 1, `the log ends at entry ${entries}, before the receipted head at entry ${anchor.seq ?? 0}`);
  }
  if (state === 'rewritten') return failed('rewritten', anchor.seq, `entry ${anchor.seq ?? 0} does not match the receipted head`);
  if (!keying) return failed('key_missing', null, 'the audit key is missing');
  return { ...base, ok: true, brokenAt: null, why: null, problem: null, anchor: { ...anchor, state } };
}
