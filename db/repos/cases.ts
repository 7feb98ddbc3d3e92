import type { Db } from '../open';
import { stmt } from './statements';

export interface BorrowerRow {
  id: string;
  full_name: string;
  national_id: string;
  address: string;
  timezones_json: string;
  locale: string;
  vulnerabilities_json: string;
  purged_at: string | null;
  created_at: string;
}

export interface ContactPointRow {
  id: string;
  borrower_id: string;
  kind: 'mobile' | 'phone' | 'email' | 'address' | 'workplace';
  party: 'borrower' | 'guarantor' | 'third_party';
  relation: string;
  label: string;
  value: string;
  timezone: string | null;
  opt_outs_json: string;
  invalid: number;
  workplace_prohibited: number;
  created_at: string;
}

export interface CaseRow {
  id: string;
  placement_id: string;
  borrower_id: string;
  reference: string;
  currency: string;
  principal_minor: number;
  interest_minor: number;
  penalty_minor: number;
  fees_minor: number;
  /** The placed amounts' sum (generated); what is owed now is balance_minor, kept from the ledger. */
  placed_minor: number;
  balance_minor: number;
  /** An overpayment due back to the borrower, kept from the ledger. */
  credit_minor: number;
  due_since: string;
  dpd: number;
  status: 'open' | 'promise' | 'plan' | 'closed' | 'recalled';
  outcome: string | null;
  outcome_reason: string | null;
  assignee_id: string | null;
  next_action_at: string | null;
  next_action_note: string | null;
  flag_dispute: number;
  flag_cease: number;
  flag_complaint: number;
  flag_hardship: number;
  flag_attorney: number;
  flag_bankrupt: number;
  flag_deceased: number;
  recalled_at: string | null;
  priority: number;
  next_contact_at: string | null;
  last_contact_at: string | null;
  promise_due: string | null;
  assessment_json: string | null;
  notice_json: string | null;
  affordability_json: string | null;
  created_at: string;
  updated_at: string;
}

export type NewCase = Omit<CaseRow, 'placed_minor' | 'balance_minor' | 'credit_minor'>;

export interface DebtRow {
  id: string;
  case_id: string;
  reference: string;
  product: string;
}

export const FLAG_COLUMNS = {
  dispute: 'flag_dispute',
  cease: 'flag_cease',
  complaintOpen: 'flag_complaint',
  hardship: 'flag_hardship',
  attorney: 'flag_attorney',
  bankrupt: 'flag_bankrupt',
  deceased: 'flag_deceased',
} as const;
export type FlagName = keyof typeof FLAG_COLUMNS;

export const casesRepo = {
  insertBorrower(db: Db, b: BorrowerRow): void {
    stmt(
      db,
      `INSERT INTO borrowers (id, full_name, national_id, address, timezones_json, locale, vulnerabilities_json, purged_at, created_at)
       VALUES (@id, @full_name, @national_id, @address, @timezones_json, @locale, @vulnerabilities_json, @purged_at, @created_at)`,
    ).run(b);
  },
  insertContactPoint(db: Db, c: ContactPointRow): void {
    stmt(
      db,
      `INSERT INTO contact_points (id, borrower_id, kind, party, relation, label, value, timezone, opt_outs_json, invalid,
         workplace_prohibited, created_at)
       VALUES (@id, @borrower_id, @kind, @party, @relation, @label, @value, @timezone, @opt_outs_json, @invalid,
         @workplace_prohibited, @created_at)`,
    ).run(c);
  },
  insertCase(db: Db, c: NewCase): void {
    stmt(
      db,
      `INSERT INTO cases (id, placement_id, borrower_id, reference, currency, principal_minor, interest_minor, penalty_minor,
         fees_minor, due_since, dpd, status, outcome, outcome_reason, assignee_id, next_action_at, next_action_note,
         flag_dispute, flag_cease, flag_complaint, flag_hardship, flag_attorney, flag_bankrupt, flag_deceased, recalled_at,
         priority, next_contact_at, last_contact_at, promise_due, assessment_json, notice_json, affordability_json,
         created_at, updated_at)
       VALUES (@id, @placement_id, @borrower_id, @reference, @currency, @principal_minor, @interest_minor, @penalty_minor,
         @fees_minor, @due_since, @dpd, @status, @outcome, @outcome_reason, @assignee_id, @next_action_at, @next_action_note,
         @flag_dispute, @flag_cease, @flag_complaint, @flag_hardship, @flag_attorney, @flag_bankrupt, @flag_deceased,
         @recalled_at, @priority, @next_contact_at, @last_contact_at, @promise_due, @assessment_json, @notice_json,
         @affordability_json, @created_at, @updated_at)`,
    ).run(c);
  },
  insertDebt(db: Db, d: DebtRow): void {
    stmt(db, 'INSERT INTO debts (id, case_id, reference, product) VALUES (@id, @case_id, @reference, @product)').run(d);
  },
  /** The case's search entry shares the case's rowid: replaced by rowid, never by scanning. */
  indexForSearch(db: Db, caseId: string, reference: string, nameText: string, notesText: string): void {
    stmt(db, 'DELETE FROM case_search WHERE rowid = (SELECT rowid FROM cases WHERE id = ?)').run(caseId);
    stmt(
      db,
      'INSERT INTO case_search (rowid, case_id, reference, name, notes) SELECT rowid, id, ?, ?, ? FROM cases WHERE id = ?',
    ).run(reference, nameText, notesText, caseId);
  },
  searchNotes(db: Db, caseId: string): string {
    const row = stmt(db, 'SELECT notes FROM case_search WHERE rowid = (SELECT rowid FROM cases WHERE id = ?)').get(caseId) as { notes: string } | undefined;
    return row?.notes ?? '';
  },
  byId(db: Db, id: string): CaseRow | undefined {
    return stmt(db, 'SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
  },
  borrower(db: Db, id: string): BorrowerRow | undefined {
    return stmt(db, 'SELECT * FROM borrowers WHERE id = ?').get(id) as BorrowerRow | undefined;
  },
  contactPoints(db: Db, borrowerId: string): ContactPointRow[] {
    return stmt(db, 'SELECT * FROM contact_points WHERE borrower_id = ? ORDER BY party, created_at, id').all(
      borrowerId,
    ) as ContactPointRow[];
  },
  contactPoint(db: Db, id: string): ContactPointRow | undefined {
    return stmt(db, 'SELECT * FROM contact_points WHERE id = ?').get(id) as ContactPointRow | undefined;
  },
  debts(db: Db, caseId: string): DebtRow[] {
    return stmt(db, 'SELECT * FROM debts WHERE case_id = ? ORDER BY reference').all(caseId) as DebtRow[];
  },
  setFlag(db: Db, caseId: string, flag: FlagName, on: boolean, now: string): void {
    // Column names come from the FLAG_COLUMNS constant, never from input.
    stmt(db, `UPDATE cases SET ${FLAG_COLUMNS[flag]} = ?, updated_at = ? WHERE id = ?`).run(on ? 1 : 0, now, caseId);
  },
  updateDerived(
    db: Db,
    caseId: string,
    d: { priority: number; next_contact_at: string | null; last_contact_at: string | null; promise_due: string | null },
    now: string,
  ): void {
    stmt(
      db,
      `UPDATE cases SET priority = @priority, next_contact_at = @next_contact_at, last_contact_at = @last_contact_at,
         promise_due = @promise_due, updated_at = @now WHERE id = @id`,
    ).run({ ...d, now, id: caseId });
  },
  setStatus(db: Db, caseId: string, status: CaseRow['status'], now: string): void {
    stmt(db, 'UPDATE cases SET status = ?, updated_at = ? WHERE id = ?').run(status, now, caseId);
  },
  /** Records an outcome that leaves the case open (legal review). */
  setOutcome(db: Db, caseId: string, outcome: string, reason: string, now: string): void {
    stmt(db, 'UPDATE cases SET outcome = ?, outcome_reason = ?, updated_at = ? WHERE id = ?').run(outcome, reason, now, caseId);
  },
  close(db: Db, caseId: string, outcome: string, reason: string, now: string): void {
    stmt(
      db,
      `UPDATE cases SET status = 'closed', outcome = ?, outcome_reason = ?, next_contact_at = NULL, updated_at = ? WHERE id = ?`,
    ).run(outcome, reason, now, caseId);
  },
  /** Cases a user holds in the given statuses (optionally one placement), in reference order. */
  heldBy(db: Db, assigneeId: string, statuses: readonly string[], placementId: string | null): { id: string; reference: string }[] {
    return stmt(
      db,
      `SELECT id, reference FROM cases INDEXED BY cases_assignee WHERE assignee_id = @assigneeId
       AND status IN (SELECT value FROM json_each(@statuses)) AND (@placementId IS NULL OR placement_id = @placementId) ORDER BY reference`,
    ).all({ assigneeId, statuses: JSON.stringify(statuses), placementId }) as { id: string; reference: string }[];
  },
  setAssignee(db: Db, caseId: string, userId: string, now: string): void {
    stmt(db, 'UPDATE cases SET assignee_id = ?, updated_at = ? WHERE id = ?').run(userId, now, caseId);
  },
  /** The case's formal notice (e.g. a validation notice sent as a letter), as JSON. */
  setNotice(db: Db, caseId: string, json: string, now: string): void {
    stmt(db, 'UPDATE cases SET notice_json = ?, updated_at = ? WHERE id = ?').run(json, now, caseId);
  },
  setAffordability(db: Db, caseId: string, json: string, now: string): void {
    stmt(db, 'UPDATE cases SET affordability_json = ?, updated_at = ? WHERE id = ?').run(json, now, caseId);
  },
  setNextAction(db: Db, caseId: string, at: string | null, note: string | null, now: string): void {
    stmt(db, 'UPDATE cases SET next_action_at = ?, next_action_note = ?, updated_at = ? WHERE id = ?').run(
      at,
      note,
      now,
      caseId,
    );
  },
  openCaseIds(db: Db): string[] {
    return (stmt(db, "SELECT id FROM cases WHERE status NOT IN ('closed')").all() as { id: string }[]).map((r) => r.id);
  },
};
