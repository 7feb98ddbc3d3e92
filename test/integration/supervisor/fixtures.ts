/** Hand-made rows for the dashboard tests, inserted straight into a demo database. */
import { newId } from '../../../common/ids';
import type { Db } from '../../../db/open';

export function userId(db: Db, username: string): string {
  const row = db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string } | undefined;
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

export function placementId(db: Db, code: string): string {
  return (db.prepare('SELECT id FROM placements WHERE code = ?').get(code) as { id: string }).id;
}

/** A case of the placement assigned to the user (the demo spreads cases over collectors and placements). */
export function caseOf(db: Db, username: string, placementCode: string, nth = 0): string {
  const row = db
    .prepare('SELECT c.id FROM cases c JOIN placements p ON p.id = c.placement_id WHERE c.assignee_id = ? AND p.code = ? ORDER BY c.reference LIMIT 1 OFFSET ?')
    .get(userId(db, username), placementCode, nth) as { id: string } | undefined;
  if (!row) throw new Error(`no ${placementCode} case for ${username}`);
  return row.id;
}

export interface ActivitySpec {
  at: string;
  channel?: string;
  direction?: 'outbound' | 'inbound';
  party?: 'borrower' | 'guarantor' | 'third_party';
  result?: string;
  text?: string | null;
}

export function insertActivity(db: Db, caseId: string, collectorId: string, a: ActivitySpec): string {
  const id = newId();
  db.prepare(
    `INSERT INTO activities (id, case_id, at, channel, direction, party, result, outcome, text, collector_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'test', ?, ?, ?)`,
  ).run(id, caseId, a.at, a.channel ?? 'call', a.direction ?? 'outbound', a.party ?? 'borrower', a.result ?? 'no_answer', a.text ?? null, collectorId, a.at);
  return id;
}

export function insertDecision(db: Db, caseId: string, actorId: string, at: string, verdict: 'allow' | 'warn' | 'block'): string {
  const id = newId();
  db.prepare(
    `INSERT INTO guardrail_decisions (id, case_id, at, actor_id, action_json, verdict, reasons_json, policy_version)
     VALUES (?, ?, ?, ?, '{}', ?, ?, 'test-1')`,
  ).run(id, caseId, at, actorId, verdict, JSON.stringify(verdict === 'allow' ? [] : [{ rule: 'frequency_cap', severity: verdict }]));
  return id;
}

export function insertPromise(db: Db, caseId: string, by: string, createdAt: string, due: string, status: string, amountMinor = 50_000): void {
  db.prepare(
    `INSERT INTO promises (id, case_id, amount_minor, currency, due_date, status, created_by, created_at)
     VALUES (?, ?, ?, (SELECT currency FROM cases WHERE id = ?), ?, ?, ?, ?)`,
  ).run(newId(), caseId, amountMinor, caseId, due, status, by, createdAt);
}

export function insertPayment(db: Db, caseId: string, amountMinor: number, paidOn: string): void {
  db.prepare(
    `INSERT INTO payments (id, case_id, amount_minor, currency, paid_on, source, reference, created_at)
     VALUES (?, ?, ?, (SELECT currency FROM cases WHERE id = ?), ?, 'lender', ?, ?)`,
  ).run(newId(), caseId, amountMinor, caseId, paidOn, newId(), `${paidOn.slice(0, 10)}T12:00:00.000Z`);
}

export function insertOverride(db: Db, caseId: string, decisionId: string, by: string, at: string, status: string): void {
  db.prepare(
    `INSERT INTO overrides (id, case_id, decision_id, rules_json, requested_by, requested_at, reason, status)
     VALUES (?, ?, ?, '["frequency_cap"]', ?, ?, '借款人主动要求回电 borrower asked for a call back', ?)`,
  ).run(newId(), caseId, decisionId, by, at, status);
}

export function insertComplaint(db: Db, caseId: string, by: string, openedAt: string, dueAt: string, status: string): void {
  db.prepare(
    `INSERT INTO complaints (id, case_id, category, channel, description, opened_at, due_at, status, created_by)
     VALUES (?, ?, 'conduct', 'call', '借款人称催收员语气粗鲁 rude tone on the call', ?, ?, ?, ?)`,
  ).run(newId(), caseId, openedAt, dueAt, status, by);
}
