/** Progress reports and the lender's receipts for them. Prepared statements only. */
import type { Db } from '../open';
import { perConnection } from './per-connection';

export interface ReportRow {
  id: string;
  placement_id: string;
  seq: number;
  period_from: string;
  period_to: string;
  created_at: string;
  /** links_in_chain = 0: the report's whole canonical text; 1: its frame (see db/migrations/0007). */
  canonical: string;
  signature_b64: string;
  chain_head: string;
  links_in_chain: 0 | 1;
}

export interface ReceiptRow {
  report_id: string;
  received_at: string;
  receipt_json: string;
}

export const reportsRepo = perConnection(function buildReportsRepo(db: Db) {
  const insert = db.prepare<ReportRow>(
    `INSERT INTO reports (id, placement_id, seq, period_from, period_to, created_at, canonical, signature_b64, chain_head, links_in_chain)
     VALUES (@id, @placement_id, @seq, @period_from, @period_to, @created_at, @canonical, @signature_b64, @chain_head, @links_in_chain)`,
  );
  const byId = db.prepare<[string], ReportRow>('SELECT * FROM reports WHERE id = ?');
  const latest = db.prepare<[string], ReportRow>('SELECT * FROM reports WHERE placement_id = ? ORDER BY seq DESC LIMIT 1');
  // The last report's position without its text.
  const latestMeta = db.prepare<[string], Omit<ReportRow, 'canonical'>>(
    'SELECT id, placement_id, seq, period_from, period_to, created_at, signature_b64, chain_head, links_in_chain FROM reports WHERE placement_id = ? ORDER BY seq DESC LIMIT 1',
  );
  const chainSeqOfHash = db.prepare<[string], { seq: number }>('SELECT seq FROM chain WHERE hash = ?');
  const list = db.prepare<[string | null, string | null, number], ReportRow & { receipt_json: string | null; received_at: string | null }>(
    `SELECT r.*, rr.receipt_json, rr.received_at FROM reports r LEFT JOIN report_receipts rr ON rr.report_id = r.id
     WHERE (? IS NULL OR r.placement_id = ?) ORDER BY r.created_at DESC, r.seq DESC LIMIT ?`,
  );
  const insertReceipt = db.prepare<ReceiptRow>(
    'INSERT OR IGNORE INTO report_receipts (report_id, received_at, receipt_json) VALUES (@report_id, @received_at, @receipt_json)',
  );
  const receipt = db.prepare<[string], ReceiptRow>('SELECT * FROM report_receipts WHERE report_id = ?');
  const placement = db.prepare<[string], { id: string; start_date: string; status: string }>(
    'SELECT id, start_date, status FROM placements WHERE id = ?',
  );
  const placementsWithUnreported = db.prepare<[], { placement_id: string }>(
    `SELECT DISTINCT c.placement_id FROM chain c JOIN placements p ON p.id = c.placement_id
     WHERE c.seq > COALESCE((SELECT max(json_extract(r.canonical, '$.chain.head.seq')) FROM reports r WHERE r.placement_id = c.placement_id), 0)`,
  );
  const firstChainSeq = db.prepare<[string], { seq: number | null }>('SELECT min(seq) AS seq FROM chain WHERE placement_id = ?');
  return {
    insert: (row: ReportRow): void => {
      insert.run(row);
    },
    byId: (id: string): ReportRow | undefined => byId.get(id),
    latestForPlacement: (placementId: string): ReportRow | undefined => latest.get(placementId),
    latestMetaForPlacement: (placementId: string): Omit<ReportRow, 'canonical'> | undefined => latestMeta.get(placementId),
    chainSeqOfHash: (hash: string): number | undefined => chainSeqOfHash.get(hash)?.seq,
    list: (placementId: string | null, limit: number) => list.all(placementId, placementId, limit),
    insertReceipt: (row: ReceiptRow): void => {
      insertReceipt.run(row);
    },
    receipt: (reportId: string): ReceiptRow | undefined => receipt.get(reportId),
    placement: (id: string) => placement.get(id),
    /** Placements with chain records not yet carried by any of their reports. */
    placementsWithUnreported: (): string[] => placementsWithUnreported.all().map((r) => r.placement_id),
    firstChainSeq: (placementId: string): number | null => firstChainSeq.get(placementId)?.seq ?? null,
  };
});
