/**
 * Append-only from any SQLite client (issue 15, item 4).
 *
 * The UPDATE/DELETE triggers of 0001 did not stop `INSERT OR REPLACE`: REPLACE deletes the row it
 * collides with without firing DELETE triggers (unless recursive_triggers is on, which a plain
 * client never sets), so audit_log, chain, activities and payments rows could be rewritten whole.
 * Each append-only table now refuses, before conflict resolution, an insert whose rowid, primary
 * key or UNIQUE columns are taken (append-only.ts).
 *
 * Payments pulled from the lender are inserted with ON CONFLICT DO NOTHING, so a payment seen
 * twice is skipped: that replay — a lender payment with a recorded reference arriving again, in
 * another package or later — is ignored (RAISE(IGNORE): the first row stays untouched); any other collision is refused.
 *
 * The activities UPDATE guard is re-created from the full column list (plus the rowid, which 0004
 * left mutable), and now lets the text be blanked only right after the case's `purge` chain record.
 *
 * The audit log's keyed hash (issue 15, item 5): each entry from now on also carries
 * `mac` = HMAC-SHA256(key, hash), the key a random secret kept in settings (inside the encrypted
 * database), made here once; `since` is the first entry keyed. Entries before it keep only the
 * unkeyed chain (main/backend/audit/keyed.ts).
 */
import { AUDIT_KEY_SETTING } from '../repos/audit';
import { activitiesUpdateGuard, refuseReplace } from './append-only';

const ACTIVITY_COLUMNS = [
  'id', 'case_id', 'at', 'channel', 'direction', 'party', 'contact_point_id', 'debts_json', 'result', 'outcome',
  'disclosure_confirmed', 'identity_verified', 'collectors', 'collector_id', 'decision_id', 'source', 'created_at',
];

// A lender payment whose reference is already recorded, arriving again — in another package
// (another id) or later — is skipped as the import always skipped it (the first record stands; the
// import reports it "already recorded"), so a repeated package cannot stall the lender feed. A copy
// of a row as it stands (same id, same created_at) is no replay: it is refused like any collision.
const PAYMENT_REPLAY = `NEW.source = 'lender' AND EXISTS (SELECT 1 FROM payments p
    WHERE p.source = NEW.source AND p.reference = NEW.reference AND (p.id <> NEW.id OR NEW.created_at > p.created_at))`;

export const name = 'append_only';
export const sql = /* sql */ `
${refuseReplace('activities', [['id']])}
${refuseReplace('activity_marks', [['id']])}
${refuseReplace('payments', [['id'], ['source', 'reference']], { replayWhen: PAYMENT_REPLAY })}
${refuseReplace('guardrail_decisions', [['id']])}
${refuseReplace('audit_log', [['id']])}
${refuseReplace('chain', [['hash']])}
${refuseReplace('reports', [['id'], ['placement_id', 'seq']])}
${activitiesUpdateGuard(ACTIVITY_COLUMNS)}

-- Kept with INSERT OR IGNORE by their repositories: a colliding insert is skipped, never a replace.
${refuseReplace('team_reports', [['id'], ['leaf_index'], ['workstation_id', 'placement_id', 'seq']], { replayWhen: '1' })}
-- The lender's receipts anchor the audit log (main/backend/audit/anchor.ts): deleting the last one
-- would move the anchor back, so a receipt, once stored, stays.
${refuseReplace('report_receipts', [['report_id']], { replayWhen: '1' })}
CREATE TRIGGER report_receipts_no_delete BEFORE DELETE ON report_receipts BEGIN SELECT RAISE(ABORT, 'report_receipts is append-only: rows cannot be deleted'); END;

-- A payment's chain record by the payment's id: the dashboard and exports check each counted
-- payment against it (db/repos/record-check.ts). Payments are few, so the index is small.
CREATE INDEX chain_payment_record ON chain (record_id) WHERE record_type = 'payment';

ALTER TABLE audit_log ADD COLUMN mac TEXT;
INSERT INTO settings (key, value)
  VALUES ('${AUDIT_KEY_SETTING}', json_object('key', lower(hex(randomblob(32))), 'since', coalesce((SELECT max(seq) FROM audit_log), 0) + 1));
`;
