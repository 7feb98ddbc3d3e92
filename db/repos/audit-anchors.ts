/**
 * Audit heads carried by the workstation's receipted progress reports: the top-level `auditHead`
 * ({seq, hash}) of a stored report's canonical text (its frame). Reports made before reports
 * carried one have none. Prepared statements only.
 */
import type { Db } from '../open';
import { stmt } from './statements';

export interface StoredAuditHead {
  reportId: string;
  receivedAt: string;
  seq: unknown;
  hash: unknown;
}

export const auditAnchorsRepo = {
  /**
   * Reports the lender receipted, newest receipt first (ids only: their text is read one at a time).
   * Only frames (links_in_chain = 1): a report stored whole predates migration 7, and so auditHead.
   */
  receiptedNewestFirst(db: Db): { id: string; received_at: string }[] {
    return stmt(
      db,
      `SELECT r.id, rr.received_at FROM reports r JOIN report_receipts rr ON rr.report_id = r.id
        WHERE r.links_in_chain = 1
        ORDER BY rr.received_at DESC, r.created_at DESC, r.id DESC`,
    ).all() as { id: string; received_at: string }[];
  },
  /** The report's auditHead as stored (unchecked values), or undefined when it has none. */
  auditHead(db: Db, reportId: string): { seq: unknown; hash: unknown } | undefined {
    const row = stmt(
      db,
      `SELECT json_extract(canonical, '$.auditHead.seq') AS seq, json_extract(canonical, '$.auditHead.hash') AS hash
         FROM reports WHERE id = ? AND json_valid(canonical) AND json_type(canonical, '$.auditHead') = 'object'`,
    ).get(reportId) as { seq: unknown; hash: unknown } | undefined;
    return row;
  },
};
