/**
 * Append-only from any SQLite client (issue 15, item 4).
 *
 * The UPDATE/DELETE triggers of 0001 did not stop `INSERT OR REPLACE`: REPLACE deletes the row it
 * collides with without firing DELETE triggers (unless recursive_triggers is on, which a plain
 * client never sets), so audit_log, chain, activities and payments rows could be rewritten whole.
 * Each append-only table now refuses, before conflict resolution, an insert whose rowid, primary
 * key or UNIQUE columns are taken (append-only.ts).
 *
 * Payments pulled from the lender are inserted with ON CONFLICT DO NOTHING, so a package seen
 * twice is skipped: that replay — the same payment, identical in every recorded field, arriving
 * again later — is ignored (the first row stays untouched); any other collision is refused.
 *
 * The activities UPDATE guard is re-created from the full column list (plus the rowid, which 0004
 * left mutable), and now lets the text be blanked only right after the case's `purge` chain record.
 */
import { activitiesUpdateGuard, refuseReplace } from './append-only';

const ACTIVITY_COLUMNS = [
  'id', 'case_id', 'at', 'channel', 'direction', 'party', 'contact_point_id', 'debts_json', 'result', 'outcome',
  'disclosure_confirmed', 'identity_verified', 'collectors', 'collector_id', 'decision_id', 'source', 'created_at',
];

const PAYMENT_REPLAY = `EXISTS (SELECT 1 FROM payments p WHERE p.id = NEW.id AND p.case_id = NEW.case_id
    AND p.amount_minor = NEW.amount_minor AND p.currency = NEW.currency AND p.paid_on = NEW.paid_on
    AND p.source = NEW.source AND p.reference = NEW.reference AND p.recorded_by IS NEW.recorded_by
    AND NEW.created_at > p.created_at)`;

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
`;
