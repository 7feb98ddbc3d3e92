/**
 * The core schema. Every table is STRICT. Instants are ISO-8601 UTC text (…Z, lexically ordered),
 * money is INTEGER minor units beside a currency code. Append-only tables are guarded by triggers.
 */
export const name = 'core';
export const sql = /* sql */ `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id             TEXT PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name   TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('collector','supervisor','admin')),
  supervisor_id  TEXT REFERENCES users(id),
  password_hash  TEXT,
  failed_logins  INTEGER NOT NULL DEFAULT 0,
  locked_until   TEXT,
  disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
  created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE lenders (
  id                TEXT PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  name              TEXT NOT NULL,
  phone             TEXT NOT NULL DEFAULT '',
  complaint_channel TEXT NOT NULL DEFAULT '',
  public_key_pem    TEXT,
  created_at        TEXT NOT NULL
) STRICT;

CREATE TABLE placements (
  id                       TEXT PRIMARY KEY,
  lender_id                TEXT NOT NULL REFERENCES lenders(id),
  code                     TEXT NOT NULL UNIQUE,
  name                     TEXT NOT NULL,
  agreement_ref            TEXT NOT NULL,
  preset                   TEXT NOT NULL CHECK (preset IN ('cn','us-regf','uk-conc')),
  policy_json              TEXT NOT NULL DEFAULT '{}',  -- the lender's tightening of the preset
  policy_version           TEXT NOT NULL,
  currency                 TEXT NOT NULL CHECK (length(currency) = 3),
  default_timezone         TEXT NOT NULL,
  start_date               TEXT NOT NULL,
  end_date                 TEXT NOT NULL,
  target_minor             INTEGER NOT NULL DEFAULT 0 CHECK (target_minor >= 0),
  commission_bps           INTEGER NOT NULL DEFAULT 0,
  complaint_response_days  INTEGER NOT NULL DEFAULT 15 CHECK (complaint_response_days > 0),
  retention_days           INTEGER NOT NULL DEFAULT 730 CHECK (retention_days > 0),
  agency_name              TEXT NOT NULL DEFAULT '',
  agency_phone             TEXT NOT NULL DEFAULT '',
  status                   TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','ended','recalled')),
  created_at               TEXT NOT NULL
) STRICT;

CREATE TABLE borrowers (
  id                TEXT PRIMARY KEY,
  full_name         TEXT NOT NULL,
  national_id       TEXT NOT NULL DEFAULT '',
  address           TEXT NOT NULL DEFAULT '',
  timezones_json    TEXT NOT NULL DEFAULT '[]',
  locale            TEXT NOT NULL DEFAULT 'zh-CN',
  vulnerabilities_json TEXT NOT NULL DEFAULT '[]',
  purged_at         TEXT,  -- personal data removed after retention; the signed record stays
  created_at        TEXT NOT NULL
) STRICT;

CREATE TABLE cases (
  id               TEXT PRIMARY KEY,
  placement_id     TEXT NOT NULL REFERENCES placements(id),
  borrower_id      TEXT NOT NULL REFERENCES borrowers(id),
  reference        TEXT NOT NULL UNIQUE,
  currency         TEXT NOT NULL CHECK (length(currency) = 3),
  principal_minor  INTEGER NOT NULL CHECK (principal_minor >= 0),
  interest_minor   INTEGER NOT NULL DEFAULT 0 CHECK (interest_minor >= 0),
  penalty_minor    INTEGER NOT NULL DEFAULT 0 CHECK (penalty_minor >= 0),
  fees_minor       INTEGER NOT NULL DEFAULT 0 CHECK (fees_minor >= 0),
  balance_minor    INTEGER NOT NULL GENERATED ALWAYS AS (principal_minor + interest_minor + penalty_minor + fees_minor) STORED,
  due_since        TEXT NOT NULL,   -- date the debt fell due; days past due derive from it
  dpd              INTEGER NOT NULL CHECK (dpd >= 0),  -- as placed; refreshed by the service
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','promise','plan','closed','recalled')),
  outcome          TEXT CHECK (outcome IN ('paid_in_full','settled','payment_plan','returned_to_lender','legal_review','unable_to_locate')),
  outcome_reason   TEXT,
  assignee_id      TEXT REFERENCES users(id),
  next_action_at   TEXT,
  next_action_note TEXT,
  flag_dispute     INTEGER NOT NULL DEFAULT 0 CHECK (flag_dispute IN (0,1)),
  flag_cease       INTEGER NOT NULL DEFAULT 0 CHECK (flag_cease IN (0,1)),
  flag_complaint   INTEGER NOT NULL DEFAULT 0 CHECK (flag_complaint IN (0,1)),
  flag_hardship    INTEGER NOT NULL DEFAULT 0 CHECK (flag_hardship IN (0,1)),
  flag_attorney    INTEGER NOT NULL DEFAULT 0 CHECK (flag_attorney IN (0,1)),
  flag_bankrupt    INTEGER NOT NULL DEFAULT 0 CHECK (flag_bankrupt IN (0,1)),
  flag_deceased    INTEGER NOT NULL DEFAULT 0 CHECK (flag_deceased IN (0,1)),
  recalled_at      TEXT,
  -- derived by the service from the guardrail engine, so the queue can sort without evaluating 100k cases
  priority         INTEGER NOT NULL DEFAULT 0,
  next_contact_at  TEXT,            -- next lawful call; NULL = blocked until a person acts
  last_contact_at  TEXT,
  promise_due      TEXT,            -- earliest open promise or installment date
  assessment_json  TEXT,            -- the lender's initial assessment
  notice_json      TEXT,            -- formal notice / validation notice status
  affordability_json TEXT,          -- the collector's income & expenditure assessment
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX cases_queue_priority ON cases (status, priority DESC);
CREATE INDEX cases_assignee ON cases (assignee_id, status, priority DESC);
CREATE INDEX cases_placement ON cases (placement_id, status);
CREATE INDEX cases_balance ON cases (balance_minor);
CREATE INDEX cases_dpd ON cases (dpd);
CREATE INDEX cases_next_contact ON cases (next_contact_at);
CREATE INDEX cases_promise_due ON cases (promise_due) WHERE promise_due IS NOT NULL;
CREATE INDEX cases_borrower ON cases (borrower_id);

CREATE TABLE debts (
  id         TEXT PRIMARY KEY,
  case_id    TEXT NOT NULL REFERENCES cases(id),
  reference  TEXT NOT NULL,
  product    TEXT NOT NULL DEFAULT '',
  UNIQUE (case_id, reference)
) STRICT;

CREATE TABLE contact_points (
  id                   TEXT PRIMARY KEY,
  borrower_id          TEXT NOT NULL REFERENCES borrowers(id),
  kind                 TEXT NOT NULL CHECK (kind IN ('mobile','phone','email','address','workplace')),
  party                TEXT NOT NULL CHECK (party IN ('borrower','guarantor','third_party')),
  relation             TEXT NOT NULL DEFAULT 'self',
  label                TEXT NOT NULL DEFAULT '',
  value                TEXT NOT NULL,
  timezone             TEXT,
  opt_outs_json        TEXT NOT NULL DEFAULT '[]',
  invalid              INTEGER NOT NULL DEFAULT 0 CHECK (invalid IN (0,1)),
  workplace_prohibited INTEGER NOT NULL DEFAULT 0 CHECK (workplace_prohibited IN (0,1)),
  created_at           TEXT NOT NULL
) STRICT;
CREATE INDEX contact_points_borrower ON contact_points (borrower_id);

-- Every contact attempt, message, visit and note. Append-only: corrections are new rows.
CREATE TABLE activities (
  id                  TEXT PRIMARY KEY,
  case_id             TEXT NOT NULL REFERENCES cases(id),
  at                  TEXT NOT NULL,
  channel             TEXT NOT NULL CHECK (channel IN ('call','sms','email','letter','visit','note')),
  direction           TEXT NOT NULL DEFAULT 'outbound' CHECK (direction IN ('outbound','inbound')),
  party               TEXT NOT NULL CHECK (party IN ('borrower','guarantor','third_party')),
  contact_point_id    TEXT REFERENCES contact_points(id),
  debts_json          TEXT NOT NULL DEFAULT '[]',
  result              TEXT NOT NULL CHECK (result IN ('connected','no_answer','voicemail','busy','not_in_service','wrong_party','refused','sent')),
  outcome             TEXT NOT NULL,
  text                TEXT,
  disclosure_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (disclosure_confirmed IN (0,1)),
  identity_verified   INTEGER NOT NULL DEFAULT 0 CHECK (identity_verified IN (0,1)),
  collectors          INTEGER NOT NULL DEFAULT 1 CHECK (collectors >= 1),
  collector_id        TEXT NOT NULL REFERENCES users(id),
  decision_id         TEXT,
  source              TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local','lender')),
  created_at          TEXT NOT NULL
) STRICT;
CREATE INDEX activities_case_at ON activities (case_id, at);
CREATE INDEX activities_at ON activities (at);
CREATE INDEX activities_collector_at ON activities (collector_id, at);

-- Marks on activities that arrive later (e.g. done offline after a recall). Append-only.
CREATE TABLE activity_marks (
  id          TEXT PRIMARY KEY,
  activity_id TEXT NOT NULL REFERENCES activities(id),
  mark        TEXT NOT NULL CHECK (mark IN ('after_recall','qa_review')),
  reason      TEXT NOT NULL,
  at          TEXT NOT NULL
) STRICT;

-- Contacts made by the lender or other agencies, supplied with the assignment (the contact ledger).
CREATE TABLE lender_contacts (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES cases(id),
  at          TEXT NOT NULL,
  channel     TEXT NOT NULL CHECK (channel IN ('call','sms','email','letter','visit')),
  party       TEXT NOT NULL CHECK (party IN ('borrower','guarantor','third_party')),
  contact_key TEXT NOT NULL,
  debts_json  TEXT NOT NULL DEFAULT '[]',
  result      TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;
CREATE INDEX lender_contacts_case_at ON lender_contacts (case_id, at);

CREATE TABLE consents (
  id        TEXT PRIMARY KEY,
  case_id   TEXT NOT NULL REFERENCES cases(id),
  at        TEXT NOT NULL,
  channel   TEXT NOT NULL,
  note      TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL REFERENCES users(id)
) STRICT;

CREATE TABLE promises (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES cases(id),
  activity_id TEXT REFERENCES activities(id),
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  currency    TEXT NOT NULL,
  due_date    TEXT NOT NULL,
  channel     TEXT NOT NULL DEFAULT 'call',
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','kept','partial','broken','cancelled')),
  created_by  TEXT NOT NULL REFERENCES users(id),
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX promises_case ON promises (case_id);
CREATE INDEX promises_due ON promises (status, due_date);

CREATE TABLE payment_plans (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases(id),
  total_minor  INTEGER NOT NULL CHECK (total_minor > 0),
  currency     TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','completed','broken','cancelled')),
  created_by   TEXT NOT NULL REFERENCES users(id),
  created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE installments (
  id           TEXT PRIMARY KEY,
  plan_id      TEXT NOT NULL REFERENCES payment_plans(id),
  seq          INTEGER NOT NULL CHECK (seq >= 1),
  due_date     TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  paid_minor   INTEGER NOT NULL DEFAULT 0 CHECK (paid_minor >= 0),
  status       TEXT NOT NULL DEFAULT 'due' CHECK (status IN ('due','kept','partial','broken')),
  UNIQUE (plan_id, seq)
) STRICT;

-- Money received. Append-only; a reversal is a new row with a negative amount.
CREATE TABLE payments (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases(id),
  amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0),
  currency     TEXT NOT NULL,
  paid_on      TEXT NOT NULL,
  source       TEXT NOT NULL CHECK (source IN ('lender','agency')),
  reference    TEXT NOT NULL,
  recorded_by  TEXT REFERENCES users(id),
  created_at   TEXT NOT NULL,
  UNIQUE (source, reference)
) STRICT;
CREATE INDEX payments_case ON payments (case_id, paid_on);

CREATE TABLE complaints (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases(id),
  category     TEXT NOT NULL,
  channel      TEXT NOT NULL,
  description  TEXT NOT NULL,
  opened_at    TEXT NOT NULL,
  due_at       TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','responded','resolved','escalated')),
  assignee_id  TEXT REFERENCES users(id),
  response     TEXT,
  resolved_at  TEXT,
  created_by   TEXT NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX complaints_case ON complaints (case_id);
CREATE INDEX complaints_status ON complaints (status, due_at);

-- Every guardrail decision, including blocks that wrote nothing else. Append-only.
CREATE TABLE guardrail_decisions (
  id              TEXT PRIMARY KEY,
  case_id         TEXT NOT NULL REFERENCES cases(id),
  at              TEXT NOT NULL,
  actor_id        TEXT NOT NULL REFERENCES users(id),
  action_json     TEXT NOT NULL,
  verdict         TEXT NOT NULL CHECK (verdict IN ('allow','warn','block')),
  reasons_json    TEXT NOT NULL,
  next_allowed_at TEXT,
  policy_version  TEXT NOT NULL
) STRICT;
CREATE INDEX guardrail_decisions_case ON guardrail_decisions (case_id, at);
CREATE INDEX guardrail_decisions_at ON guardrail_decisions (at);

CREATE TABLE overrides (
  id              TEXT PRIMARY KEY,
  case_id         TEXT NOT NULL REFERENCES cases(id),
  decision_id     TEXT NOT NULL REFERENCES guardrail_decisions(id),
  rules_json      TEXT NOT NULL,
  requested_by    TEXT NOT NULL REFERENCES users(id),
  requested_at    TEXT NOT NULL,
  reason          TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','refused','used','expired')),
  decided_by      TEXT REFERENCES users(id),
  decided_at      TEXT,
  decision_reason TEXT
) STRICT;
CREATE INDEX overrides_status ON overrides (status, requested_at);

CREATE TABLE templates (
  id           TEXT PRIMARY KEY,
  placement_id TEXT NOT NULL REFERENCES placements(id),
  kind         TEXT NOT NULL CHECK (kind IN ('letter','sms','email')),
  language     TEXT NOT NULL CHECK (language IN ('zh-CN','en')),
  name         TEXT NOT NULL,
  subject      TEXT NOT NULL DEFAULT '',
  body         TEXT NOT NULL,
  approved_at  TEXT NOT NULL,
  UNIQUE (placement_id, kind, language, name)
) STRICT;

-- Who did what, when, to which object, with what outcome. Append-only, hash-chained.
CREATE TABLE audit_log (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  at           TEXT NOT NULL,
  actor_id     TEXT,
  action       TEXT NOT NULL,
  object_type  TEXT NOT NULL,
  object_id    TEXT,
  outcome      TEXT NOT NULL CHECK (outcome IN ('ok','refused','failed')),
  details_json TEXT NOT NULL DEFAULT '{}',
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
) STRICT;

-- The workstation's tamper-evident record chain: hash = SHA-256(prev_hash || canonical(record)).
CREATE TABLE chain (
  seq          INTEGER PRIMARY KEY,
  record_type  TEXT NOT NULL,
  record_id    TEXT NOT NULL,
  case_id      TEXT,
  placement_id TEXT,
  at           TEXT NOT NULL,
  canonical    TEXT NOT NULL,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX chain_placement_at ON chain (placement_id, at);

-- Changes waiting to reach the lender, written in the same transaction as the change.
CREATE TABLE outbox (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL,
  ref_id      TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  sent_at     TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox (sent_at, seq);

CREATE TABLE sync_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE reports (
  id            TEXT PRIMARY KEY,
  placement_id  TEXT NOT NULL REFERENCES placements(id),
  seq           INTEGER NOT NULL,
  period_from   TEXT NOT NULL,
  period_to     TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  canonical     TEXT NOT NULL,
  signature_b64 TEXT NOT NULL,
  chain_head    TEXT NOT NULL,
  UNIQUE (placement_id, seq)
) STRICT;

CREATE TABLE report_receipts (
  report_id    TEXT PRIMARY KEY REFERENCES reports(id),
  received_at  TEXT NOT NULL,
  receipt_json TEXT NOT NULL
) STRICT;

-- Full-text search over case reference, borrower name and notes. CJK text is indexed one
-- character per token (see db/repos/search-text.ts), so part of a Chinese name matches.
CREATE VIRTUAL TABLE case_search USING fts5 (case_id UNINDEXED, reference, name, notes, tokenize = 'unicode61');

-- Append-only guards.
${['activities', 'activity_marks', 'payments', 'guardrail_decisions', 'audit_log', 'chain', 'reports']
  .map(
    (t) => `
CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only: rows cannot be changed'); END;
CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only: rows cannot be deleted'); END;`,
  )
  .join('\n')}
`;
