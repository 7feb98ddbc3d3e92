/**
 * Indexes for the supervisor dashboard and report exports. Each aggregate reads a covering index
 * led by the person (collector / actor), so a year of a 20-collector team (1–2M activities) is
 * counted without touching table rows and without sorting every row: rows are grouped per
 * (person, case) in index order, and only those groups are joined to cases for the placement.
 */
export const name = 'reporting';
export const sql = /* sql */ `
CREATE INDEX activities_report ON activities (collector_id, case_id, at, channel, direction, party, result);
CREATE INDEX guardrail_decisions_report ON guardrail_decisions (actor_id, case_id, at, verdict);
-- case id → placement and assignee, one index probe per joined group.
CREATE INDEX cases_report ON cases (id, placement_id, assignee_id);
CREATE INDEX promises_made_report ON promises (created_by, created_at, case_id);
CREATE INDEX promises_due_report ON promises (created_by, due_date, status, case_id);
CREATE INDEX payments_paid_on ON payments (paid_on, case_id, amount_minor, currency);
CREATE INDEX overrides_report ON overrides (requested_by, requested_at, case_id, status);
CREATE INDEX complaints_opened ON complaints (opened_at, case_id);
`;
