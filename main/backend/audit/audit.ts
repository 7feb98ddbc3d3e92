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
import { auditKeying, macFor, type AuditKeying } from './keyed';

export const AUDIT_GENESIS = '0'.repeat(64);

export interface AuditEntry {
  actorId: string | null;
  action: string; // e.g. 'pii.reveal', 'contact.log', 'auth.login'
  objectType: string;
  objectId: string | null;
  outcome: 'ok' | 'refused' | 'failed';
  details?: Record<string, unknown>;
}

function hashOf(prevHash: string, r: Omit<AuditRow, 'hash' | 'prev_hash' | 'mac'>): string {
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
  const hash = hashOf(prev, body);
  const row: AuditRow = { ...body, prev_hash: prev, hash, mac: macFor(auditKeying(db), body.seq, hash) };
  auditRepo.insert(db, row);
  return row;
}

/** The break's `why` when an entry's keyed hash is wrong or absent: the log was re-hashed without the key. */
export const KEYED_MISMATCH = 'entry does not match its keyed hash';

export interface AuditBreak {
  brokenAt: number;
  why: string;
}

/**
 * The chain's running state, fed one row at a time in sequence order: it holds the previous hash
 * and the sequence number it expects next, never the rows, so a log of any length is checked in
 * constant memory and the check can pause between rows and resume. With a keying, entries from its
 * `since` on must also carry their keyed hash.
 */
export class AuditChainCheck {
  private prev = AUDIT_GENESIS;
  private expectedSeq = 1;

  constructor(private readonly keying: AuditKeying | null = null) {}

  /** Rows that extended the chain so far. */
  get checked(): number {
    return this.expectedSeq - 1;
  }

  /** The break this row makes, or null when it extends the chain. */
  next(r: AuditRow): AuditBreak | null {
    if (r.seq !== this.expectedSeq) return { brokenAt: r.seq, why: `expected sequence ${this.expectedSeq}, found ${r.seq}` };
    if (r.prev_hash !== this.prev) return { brokenAt: r.seq, why: 'prev_hash does not match the previous entry' };
    const { hash, prev_hash: _p, mac, ...body } = r;
    if (hashOf(this.prev, body) !== hash) return { brokenAt: r.seq, why: 'entry content does not match its hash' };
    const expectedMac = macFor(this.keying, r.seq, hash);
    if (expectedMac !== null && mac !== expectedMac) return { brokenAt: r.seq, why: KEYED_MISMATCH };
    this.prev = hash;
    this.expectedSeq += 1;
    return null;
  }
}

/**
 * Re-computes the chain over rows in sequence order (an array, or a statement's .iterate() stream);
 * returns the first broken sequence number, or null when intact. Stops reading at the first break.
 */
export function verifyAudit(rows: Iterable<AuditRow>, keying: AuditKeying | null = null): AuditBreak | null {
  const check = new AuditChainCheck(keying);
  for (const r of rows) {
    const broken = check.next(r);
    if (broken) return broken;
  }
  return null;
}

/**
 * Rows hashed between yields to the event loop. Hashing a row (canonical JSON + SHA-256) costs
 * ~5 µs, so a chunk is ~10 ms of the backend's one thread; a million rows are ~500 chunks.
 */
export const VERIFY_CHUNK_ROWS = 2_000;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Verifies the whole audit log (and, with the database's audit key, each keyed hash) without
 * holding it in memory or the backend's thread: each chunk
 * of rows is streamed from SQLite (.iterate()) through one AuditChainCheck, then the event loop runs
 * other requests before the next chunk. A chunk's statement is finished before the yield, so the
 * connection is never left busy under another request (better-sqlite3 refuses every other
 * statement while an iterator is open). Only the rows present when the check starts are checked:
 * later ones are appended after them (seq = head + 1) and cannot move them, so the verdict and the
 * count are those of the log as it stood, as when the whole log was read at once.
 */
export async function verifyAuditLog(
  db: Db,
  opts: { chunkRows?: number; pause?: () => Promise<void>; keying?: AuditKeying | null } = {},
): Promise<{ entries: number; broken: AuditBreak | null }> {
  const chunkRows = opts.chunkRows ?? VERIFY_CHUNK_ROWS;
  const pause = opts.pause ?? yieldToLoop;
  const span = auditRepo.span(db);
  if (!span) return { entries: 0, broken: null };
  const check = new AuditChainCheck(opts.keying === undefined ? auditKeying(db) : opts.keying);
  // From the lowest sequence number present, so a row slipped in below 1 is reported as before.
  let from = span.first;
  for (;;) {
    let read = 0;
    let broken: AuditBreak | null = null;
    for (const r of auditRepo.chunk(db, from, span.last, chunkRows)) {
      read += 1;
      broken = check.next(r);
      if (broken) break; // leaving the loop resets the statement
    }
    if (broken) return { entries: auditRepo.countUpTo(db, span.last), broken };
    // The chain is intact so far, so the rows read were seq from … check.checked, without gaps.
    if (read < chunkRows) return { entries: check.checked, broken: null };
    from = check.checked + 1;
    await pause();
  }
}
