/**
 * Retention purges: when a closed or recalled case's retention period ends, personal data goes and
 * the non-personal, signed record stays. Activities stay append-only except for exactly one change —
 * blanking their free text to '[purged]' with every other column untouched.
 */
const COLUMNS = ['id', 'case_id', 'at', 'channel', 'direction', 'party', 'contact_point_id', 'debts_json', 'result', 'outcome', 'disclosure_confirmed', 'identity_verified', 'collectors', 'collector_id', 'decision_id', 'source', 'created_at'];

export const name = 'purge';
export const sql = /* sql */ `
DROP TRIGGER activities_no_update;
CREATE TRIGGER activities_no_update BEFORE UPDATE ON activities
WHEN NOT (NEW.text IS '[purged]' AND ${COLUMNS.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ')})
BEGIN SELECT RAISE(ABORT, 'activities is append-only: rows cannot be changed'); END;
`;
