/**
 * The SQL that lender packages write (prepared statements, no rules). Every insert is idempotent
 * (ON CONFLICT DO NOTHING) so a package seen twice changes nothing the second time.
 */
import type { Db } from '../../../../db/open';

export function importStatements(db: Db) {
  return {
    upsertLender: db.prepare<{ id: string; code: string; name: string; phone: string; complaint_channel: string; public_key_pem: string; created_at: string }>(
      `INSERT INTO lenders (id, code, name, phone, complaint_channel, public_key_pem, created_at)
       VALUES (@id, @code, @name, @phone, @complaint_channel, @public_key_pem, @created_at)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, phone = excluded.phone,
         complaint_channel = excluded.complaint_channel, public_key_pem = excluded.public_key_pem`,
    ),
    upsertPlacement: db.prepare<Record<string, string | number>>(
      `INSERT INTO placements (id, lender_id, code, name, agreement_ref, preset, policy_json, policy_version, currency,
         default_timezone, start_date, end_date, target_minor, commission_bps, complaint_response_days, retention_days, created_at)
       VALUES (@id, @lender_id, @code, @name, @agreement_ref, @preset, @policy_json, @policy_version, @currency,
         @default_timezone, @start_date, @end_date, @target_minor, @commission_bps, @complaint_response_days, @retention_days, @created_at)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, agreement_ref = excluded.agreement_ref, policy_json = excluded.policy_json,
         policy_version = excluded.policy_version, end_date = excluded.end_date, target_minor = excluded.target_minor,
         commission_bps = excluded.commission_bps, complaint_response_days = excluded.complaint_response_days,
         retention_days = excluded.retention_days`,
    ),
    placementOf: db.prepare<[string], { lender_id: string }>('SELECT lender_id FROM placements WHERE id = ?'),
    insertBorrower: db.prepare<Record<string, string>>(
      `INSERT INTO borrowers (id, full_name, national_id, address, timezones_json, locale, created_at)
       VALUES (@id, @full_name, @national_id, @address, @timezones_json, @locale, @created_at) ON CONFLICT(id) DO NOTHING`,
    ),
    insertCase: db.prepare<Record<string, string | number | null>>(
      `INSERT INTO cases (id, placement_id, borrower_id, reference, currency, principal_minor, interest_minor, penalty_minor,
         fees_minor, due_since, dpd, assessment_json, created_at, updated_at)
       VALUES (@id, @placement_id, @borrower_id, @reference, @currency, @principal_minor, @interest_minor, @penalty_minor,
         @fees_minor, @due_since, @dpd, @assessment_json, @created_at, @created_at) ON CONFLICT(id) DO NOTHING`,
    ),
    insertDebt: db.prepare<Record<string, string>>(
      'INSERT INTO debts (id, case_id, reference, product) VALUES (@id, @case_id, @reference, @product) ON CONFLICT DO NOTHING',
    ),
    insertContactPoint: db.prepare<Record<string, string | null>>(
      `INSERT INTO contact_points (id, borrower_id, kind, party, relation, label, value, timezone, created_at)
       VALUES (@id, @borrower_id, @kind, @party, @relation, @label, @value, @timezone, @created_at) ON CONFLICT(id) DO NOTHING`,
    ),
    insertLenderContact: db.prepare<Record<string, string>>(
      `INSERT INTO lender_contacts (id, case_id, at, channel, party, contact_key, debts_json, result, received_at)
       VALUES (@id, @case_id, @at, @channel, @party, @contact_key, @debts_json, @result, @received_at) ON CONFLICT(id) DO NOTHING`,
    ),
    caseInPlacement: db.prepare<[string], { id: string; placement_id: string; currency: string; status: string }>(
      'SELECT id, placement_id, currency, status FROM cases WHERE id = ?',
    ),
    casesOfPlacement: db.prepare<[string], { id: string }>('SELECT id FROM cases WHERE placement_id = ?'),
    recallCase: db.prepare<[string, string, string]>(
      `UPDATE cases SET status = 'recalled', recalled_at = COALESCE(recalled_at, ?), updated_at = ? WHERE id = ?`,
    ),
    recallPlacement: db.prepare<[string]>(`UPDATE placements SET status = 'recalled' WHERE id = ?`),
    activitiesAfter: db.prepare<[string, string], { id: string; at: string }>(
      `SELECT a.id, a.at FROM activities a WHERE a.case_id = ? AND a.at > ? AND a.source = 'local'
         AND NOT EXISTS (SELECT 1 FROM activity_marks m WHERE m.activity_id = a.id AND m.mark = 'after_recall') ORDER BY a.at`,
    ),
    insertMark: db.prepare<[string, string, string, string]>(
      `INSERT INTO activity_marks (id, activity_id, mark, reason, at) VALUES (?, ?, 'after_recall', ?, ?)`,
    ),
  };
}
