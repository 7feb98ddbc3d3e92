import type { Db } from '../open';
import { stmt } from './statements';

export interface ActivityRow {
  id: string;
  case_id: string;
  at: string;
  channel: 'call' | 'sms' | 'email' | 'letter' | 'visit' | 'note';
  direction: 'outbound' | 'inbound';
  party: 'borrower' | 'guarantor' | 'third_party';
  contact_point_id: string | null;
  debts_json: string;
  result: string;
  outcome: string;
  text: string | null;
  disclosure_confirmed: number;
  identity_verified: number;
  collectors: number;
  collector_id: string;
  decision_id: string | null;
  source: 'local' | 'lender';
  created_at: string;
}

export interface LenderContactRow {
  id: string;
  case_id: string;
  at: string;
  channel: 'call' | 'sms' | 'email' | 'letter' | 'visit';
  party: 'borrower' | 'guarantor' | 'third_party';
  contact_key: string;
  debts_json: string;
  result: string;
  received_at: string;
}

export interface DecisionRow {
  id: string;
  case_id: string;
  at: string;
  actor_id: string;
  action_json: string;
  verdict: 'allow' | 'warn' | 'block';
  reasons_json: string;
  next_allowed_at: string | null;
  policy_version: string;
}

export interface ConsentRow {
  id: string;
  case_id: string;
  at: string;
  channel: string;
  note: string;
  recorded_by: string;
}

export const activitiesRepo = {
  insert(db: Db, a: ActivityRow): void {
    stmt(
      db,
      `INSERT INTO activities (id, case_id, at, channel, direction, party, contact_point_id, debts_json, result, outcome,
         text, disclosure_confirmed, identity_verified, collectors, collector_id, decision_id, source, created_at)
       VALUES (@id, @case_id, @at, @channel, @direction, @party, @contact_point_id, @debts_json, @result, @outcome,
         @text, @disclosure_confirmed, @identity_verified, @collectors, @collector_id, @decision_id, @source, @created_at)`,
    ).run(a);
  },
  byCase(db: Db, caseId: string): ActivityRow[] {
    return stmt(db, 'SELECT * FROM activities WHERE case_id = ? ORDER BY at, id').all(caseId) as ActivityRow[];
  },
  byCaseSince(db: Db, caseId: string, since: string): ActivityRow[] {
    return stmt(db, 'SELECT * FROM activities WHERE case_id = ? AND at >= ? ORDER BY at, id').all(
      caseId,
      since,
    ) as ActivityRow[];
  },
  lastContactAt(db: Db, caseId: string): string | null {
    const row = stmt(
      db,
      "SELECT max(at) AS at FROM activities WHERE case_id = ? AND channel <> 'note'",
    ).get(caseId) as { at: string | null };
    return row.at;
  },
  lenderContactsSince(db: Db, caseId: string, since: string): LenderContactRow[] {
    return stmt(db, 'SELECT * FROM lender_contacts WHERE case_id = ? AND at >= ? ORDER BY at').all(
      caseId,
      since,
    ) as LenderContactRow[];
  },
  lenderContactsByCase(db: Db, caseId: string): LenderContactRow[] {
    return stmt(db, 'SELECT * FROM lender_contacts WHERE case_id = ? ORDER BY at').all(caseId) as LenderContactRow[];
  },
  insertLenderContact(db: Db, r: LenderContactRow): void {
    stmt(
      db,
      `INSERT INTO lender_contacts (id, case_id, at, channel, party, contact_key, debts_json, result, received_at)
       VALUES (@id, @case_id, @at, @channel, @party, @contact_key, @debts_json, @result, @received_at)`,
    ).run(r);
  },
  consentsSince(db: Db, caseId: string, since: string): ConsentRow[] {
    return stmt(db, 'SELECT * FROM consents WHERE case_id = ? AND at >= ? ORDER BY at').all(caseId, since) as ConsentRow[];
  },
  insertDecision(db: Db, d: DecisionRow): void {
    stmt(
      db,
      `INSERT INTO guardrail_decisions (id, case_id, at, actor_id, action_json, verdict, reasons_json, next_allowed_at,
         policy_version)
       VALUES (@id, @case_id, @at, @actor_id, @action_json, @verdict, @reasons_json, @next_allowed_at, @policy_version)`,
    ).run(d);
  },
  decisionsByCase(db: Db, caseId: string): DecisionRow[] {
    return stmt(db, 'SELECT * FROM guardrail_decisions WHERE case_id = ? ORDER BY at, id').all(caseId) as DecisionRow[];
  },
  decision(db: Db, id: string): DecisionRow | undefined {
    return stmt(db, 'SELECT * FROM guardrail_decisions WHERE id = ?').get(id) as DecisionRow | undefined;
  },
};
