/**
 * Progress reports of other workstations of the agency, pulled through the lender and verified
 * here (signature and content) before they are stored: the supervisor's view of the team's work
 * done elsewhere. Append-only: a report, once verified, is a fact.
 */
export const name = 'team_reports';
export const sql = /* sql */ `
CREATE TABLE team_reports (
  id             TEXT PRIMARY KEY,
  leaf_index     INTEGER NOT NULL UNIQUE,
  workstation_id TEXT NOT NULL,
  placement_id   TEXT NOT NULL,
  seq            INTEGER NOT NULL,
  period_from    TEXT NOT NULL,
  period_to      TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  accepted_at    TEXT NOT NULL,
  summary_json   TEXT NOT NULL,
  public_key_pem TEXT NOT NULL,
  verified_at    TEXT NOT NULL,
  UNIQUE (workstation_id, placement_id, seq)
) STRICT;
CREATE INDEX team_reports_period ON team_reports (period_to, period_from);
CREATE TRIGGER team_reports_no_update BEFORE UPDATE ON team_reports BEGIN SELECT RAISE(ABORT, 'team_reports is append-only: rows cannot be changed'); END;
CREATE TRIGGER team_reports_no_delete BEFORE DELETE ON team_reports BEGIN SELECT RAISE(ABORT, 'team_reports is append-only: rows cannot be deleted'); END;
`;
