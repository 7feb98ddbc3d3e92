/**
 * Indexes for the supervisor dashboard and report exports. Each aggregate reads only an index
 * (covering), so a year of a 20-collector team (1–2M activities) never touches the table rows.
 */
export const name = 'reporting';
export const sql = /* sql */ `
-- Activities in a period, per collector and case (case → placement through cases_report).
CREATE INDEX activities_report ON activities (at, collector_id, case_id, channel, direction, party, result);
-- case id → placement and assignee without a table lookup per joined row.
CREATE INDEX cases_report ON cases (id, placement_id, assignee_id);
-- Promises made in a period (created_at) and falling due in a period (due_date).
CREATE INDEX promises_created ON promises (created_at, created_by, case_id, status);
CREATE INDEX promises_due_report ON promises (due_date, status, created_by, case_id);
-- Payments received in a period.
CREATE INDEX payments_paid_on ON payments (paid_on, case_id, amount_minor, currency);
-- Guardrail decisions in a period per actor.
CREATE INDEX guardrail_decisions_report ON guardrail_decisions (at, actor_id, case_id, verdict);
-- Overrides requested in a period.
CREATE INDEX overrides_requested ON overrides (requested_at, requested_by, case_id, status);
-- Complaints opened in a period.
CREATE INDEX complaints_opened ON complaints (opened_at, case_id, status, due_at);
`;
