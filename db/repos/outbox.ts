/** The outbox: changes waiting to reach the lender. Prepared statements only. */
import type { Db } from '../open';
import { perConnection } from './per-connection';

export interface OutboxRow {
  seq: number;
  id: string;
  kind: string;
  ref_id: string;
  payload_json: string;
  created_at: string;
  attempts: number;
  last_error: string | null;
  sent_at: string | null;
}

export type NewOutboxRow = Pick<OutboxRow, 'id' | 'kind' | 'ref_id' | 'payload_json' | 'created_at'>;

export const outboxRepo = perConnection(function buildOutboxRepo(db: Db) {
  const insert = db.prepare<NewOutboxRow>(
    'INSERT INTO outbox (id, kind, ref_id, payload_json, created_at) VALUES (@id, @kind, @ref_id, @payload_json, @created_at)',
  );
  const pendingOfKind = db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE sent_at IS NULL AND kind = ? ORDER BY seq');
  // Tallies kept by triggers (migration 8), not a count over every unsent row.
  const pendingCount = db.prepare<[], { kind: string; n: number }>('SELECT kind, n FROM outbox_counts WHERE n > 0');
  const markSent = db.prepare<[string, string]>('UPDATE outbox SET sent_at = ?, last_error = NULL WHERE id = ?');
  const markSentByRef = db.prepare<[string, string, string]>(
    'UPDATE outbox SET sent_at = ?, last_error = NULL WHERE kind = ? AND ref_id = ? AND sent_at IS NULL',
  );
  const markChainReported = db.prepare<[string, number, string]>(
    `UPDATE outbox SET sent_at = ?, last_error = NULL
     WHERE kind = 'chain_record' AND sent_at IS NULL AND CAST(ref_id AS INTEGER) <= ?
       AND (json_extract(payload_json, '$.placementId') = ? OR json_extract(payload_json, '$.placementId') IS NULL)`,
  );
  const markFailed = db.prepare<[string, string]>('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?');
  return {
    insert: (row: NewOutboxRow): void => {
      insert.run(row);
    },
    pendingOfKind: (kind: string): OutboxRow[] => pendingOfKind.all(kind),
    pendingCounts: (): Record<string, number> => Object.fromEntries(pendingCount.all().map((r) => [r.kind, r.n])),
    markSent: (id: string, at: string): void => {
      markSent.run(at, id);
    },
    /** Marks every pending row of a kind that refers to refId (e.g. all chain records a report carried). */
    markSentByRef: (kind: string, refId: string, at: string): number => markSentByRef.run(at, kind, refId).changes,
    /** Chain records of a placement (and placement-less ones) up to headSeq, once a report carrying them is acknowledged. */
    markChainReported: (placementId: string, headSeq: number, at: string): number =>
      markChainReported.run(at, headSeq, placementId).changes,
    markFailed: (id: string, error: string): void => {
      markFailed.run(error, id);
    },
  };
});
