import type { Db } from '../open';
import { stmt } from './statements';

export interface TeamReportRow {
  id: string;
  leaf_index: number;
  workstation_id: string;
  placement_id: string;
  seq: number;
  period_from: string;
  period_to: string;
  created_at: string;
  accepted_at: string;
  summary_json: string;
  public_key_pem: string;
  verified_at: string;
}

export const teamReportsRepo = {
  insert(db: Db, r: TeamReportRow): void {
    stmt(
      db,
      `INSERT OR IGNORE INTO team_reports (id, leaf_index, workstation_id, placement_id, seq, period_from, period_to, created_at,
         accepted_at, summary_json, public_key_pem, verified_at)
       VALUES (@id, @leaf_index, @workstation_id, @placement_id, @seq, @period_from, @period_to, @created_at, @accepted_at,
         @summary_json, @public_key_pem, @verified_at)`,
    ).run(r);
  },
  /** Reports whose period overlaps [from, to), other workstations only. */
  overlapping(db: Db, from: string, to: string, exceptWorkstation: string): TeamReportRow[] {
    return stmt(
      db,
      'SELECT * FROM team_reports WHERE period_from < ? AND period_to > ? AND workstation_id <> ? ORDER BY workstation_id, placement_id, seq',
    ).all(to, from, exceptWorkstation) as TeamReportRow[];
  },
  /** The key a workstation's first stored report was signed with: later ones must use the same. */
  keyOf(db: Db, workstationId: string): string | undefined {
    return (
      stmt(db, 'SELECT public_key_pem FROM team_reports WHERE workstation_id = ? ORDER BY leaf_index LIMIT 1').get(workstationId) as
        | { public_key_pem: string }
        | undefined
    )?.public_key_pem;
  },
  lastPulledAt(db: Db): string | null {
    return (stmt(db, 'SELECT max(verified_at) AS at FROM team_reports').get() as { at: string | null }).at;
  },
};
