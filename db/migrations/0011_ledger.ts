/**
 * The account ledger (issue 13). What a case owes is computed from append-only postings, never
 * stored as a second truth that can drift:
 *
 * - `ledger_postings`: the opening (placed amounts per component), payments, reversals, lender
 *   adjustments and settlement discounts, each with `delta_minor`, its signed effect on what is
 *   owed. How a payment splits across the components is derived by replaying the postings in
 *   `seq` order (common/domain/ledger/replay.ts); the rows hold only the facts.
 * - `cases.balance_minor` is now a plain column, kept by a trigger in the same statement as every
 *   posting: balance = max(0, Σ delta), credit_minor = max(0, −Σ delta). The ledger's replay
 *   proves (property tests) that its balance and credit are exactly these, because a credit is
 *   always set against anything owed. SQLite cannot drop or alter a generated column, so the old
 *   generated sum of the placed amounts is renamed `placed_minor` and keeps meaning just that;
 *   every reader of `balance_minor` now reads the ledger's balance without changing a line.
 * - A case opens with its placed amounts (trigger on insert), and every row of `payments` is a
 *   posting (trigger on insert): a positive row is a payment, a negative one a reversal, linked
 *   to the payment it reverses by `payments.reverses_id` when known. Existing cases and payments
 *   become postings here, in that order.
 * - Arrangements: promises and plans gain the status `superseded` (and who, when, why, and what
 *   replaced them), so the tables are rebuilt (SQLite cannot change a CHECK); foreign keys are
 *   deferred to the commit for the rebuild. Where a case had several active arrangements, the
 *   newest stays active and the others are superseded by this migration. `arrangement_credits`
 *   says which payment credited which promise or installment, and by how much (a reversal adds
 *   the negative rows); installments' `paid_minor` and promises' `credited_minor` are its sums.
 * - `settlements`: offers of less than the balance, agreed by a collector within the placement's
 *   discount authority (`placements.ledger_terms_json`) or decided by a supervisor above it.
 * - `payment_conflicts`: a lender-reported payment whose reference matches a local one but whose
 *   amount or date does not, held for review instead of being counted twice.
 */
export const name = 'ledger';

const ARRANGEMENT_END = `
  closed_at       TEXT,
  closed_by       TEXT REFERENCES users(id),
  closed_reason   TEXT,
  replaced_by_id  TEXT`;

export const sql = /* sql */ `
PRAGMA defer_foreign_keys = ON;

ALTER TABLE cases RENAME COLUMN balance_minor TO placed_minor;
DROP INDEX cases_balance;
ALTER TABLE cases ADD COLUMN balance_minor INTEGER NOT NULL DEFAULT 0 CHECK (balance_minor >= 0);
ALTER TABLE cases ADD COLUMN credit_minor INTEGER NOT NULL DEFAULT 0 CHECK (credit_minor >= 0);
CREATE INDEX cases_balance ON cases (balance_minor);

ALTER TABLE placements ADD COLUMN ledger_terms_json TEXT NOT NULL DEFAULT '{}';
ALTER TABLE payments ADD COLUMN reverses_id TEXT REFERENCES payments(id);

CREATE TABLE ledger_postings (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  case_id       TEXT NOT NULL REFERENCES cases(id),
  kind          TEXT NOT NULL CHECK (kind IN ('opening','payment','reversal','adjustment','discount')),
  effective_on  TEXT NOT NULL,            -- YYYY-MM-DD
  amount_minor  INTEGER NOT NULL CHECK (amount_minor >= 0),
  delta_minor   INTEGER NOT NULL,         -- signed effect on what is owed (+: owes more)
  component     TEXT CHECK (component IN ('principal','interest','penalty','fees')),  -- adjustments
  principal_minor INTEGER NOT NULL DEFAULT 0, -- the opening's placed amounts
  interest_minor  INTEGER NOT NULL DEFAULT 0,
  penalty_minor   INTEGER NOT NULL DEFAULT 0,
  fees_minor      INTEGER NOT NULL DEFAULT 0,
  payment_id    TEXT REFERENCES payments(id),
  reverses_id   TEXT REFERENCES payments(id),
  reason        TEXT NOT NULL DEFAULT '',
  ref_id        TEXT,                     -- the settlement or lender package behind it
  created_by    TEXT REFERENCES users(id),
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX ledger_postings_case ON ledger_postings (case_id, seq);
CREATE INDEX ledger_postings_effective ON ledger_postings (effective_on, kind);
CREATE TRIGGER ledger_postings_no_update BEFORE UPDATE ON ledger_postings BEGIN SELECT RAISE(ABORT, 'ledger_postings is append-only: rows cannot be changed'); END;
CREATE TRIGGER ledger_postings_no_delete BEFORE DELETE ON ledger_postings BEGIN SELECT RAISE(ABORT, 'ledger_postings is append-only: rows cannot be deleted'); END;
CREATE TRIGGER ledger_postings_balance AFTER INSERT ON ledger_postings BEGIN
  UPDATE cases SET
    balance_minor = max(0, balance_minor - credit_minor + NEW.delta_minor),
    credit_minor = max(0, credit_minor - balance_minor - NEW.delta_minor)
  WHERE id = NEW.case_id;
END;

INSERT INTO ledger_postings (id, case_id, kind, effective_on, amount_minor, delta_minor, principal_minor, interest_minor, penalty_minor, fees_minor, reason, created_at)
  SELECT 'opening:' || id, id, 'opening', substr(created_at, 1, 10), placed_minor, placed_minor, principal_minor, interest_minor, penalty_minor, fees_minor, 'placed', created_at
  FROM cases ORDER BY rowid;
INSERT INTO ledger_postings (id, case_id, kind, effective_on, amount_minor, delta_minor, payment_id, reason, created_by, created_at)
  SELECT 'payment:' || id, case_id, CASE WHEN amount_minor > 0 THEN 'payment' ELSE 'reversal' END, substr(paid_on, 1, 10),
    abs(amount_minor), -amount_minor, id, source, recorded_by, created_at
  FROM payments ORDER BY paid_on, created_at, rowid;

CREATE TRIGGER cases_opening AFTER INSERT ON cases BEGIN
  INSERT INTO ledger_postings (id, case_id, kind, effective_on, amount_minor, delta_minor, principal_minor, interest_minor, penalty_minor, fees_minor, reason, created_at)
  VALUES ('opening:' || NEW.id, NEW.id, 'opening', substr(NEW.created_at, 1, 10), NEW.placed_minor, NEW.placed_minor,
    NEW.principal_minor, NEW.interest_minor, NEW.penalty_minor, NEW.fees_minor, 'placed', NEW.created_at);
END;
CREATE TRIGGER payments_posting AFTER INSERT ON payments BEGIN
  INSERT INTO ledger_postings (id, case_id, kind, effective_on, amount_minor, delta_minor, payment_id, reverses_id, reason, created_by, created_at)
  VALUES ('payment:' || NEW.id, NEW.case_id, CASE WHEN NEW.amount_minor > 0 THEN 'payment' ELSE 'reversal' END, substr(NEW.paid_on, 1, 10),
    abs(NEW.amount_minor), -NEW.amount_minor, NEW.id, NEW.reverses_id, NEW.source, NEW.recorded_by, NEW.created_at);
END;

-- Promises and plans, rebuilt with 'superseded' and how each one ended.
CREATE TABLE promises_v11 AS SELECT * FROM promises;
DROP TABLE promises;
CREATE TABLE promises (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES cases(id),
  activity_id TEXT REFERENCES activities(id),
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  currency    TEXT NOT NULL,
  due_date    TEXT NOT NULL,
  channel     TEXT NOT NULL DEFAULT 'call',
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','kept','partial','broken','cancelled','superseded')),
  created_by  TEXT NOT NULL REFERENCES users(id),
  created_at  TEXT NOT NULL,
  credited_minor INTEGER NOT NULL DEFAULT 0 CHECK (credited_minor >= 0),
  settlement_id  TEXT,${ARRANGEMENT_END}
) STRICT;
INSERT INTO promises (id, case_id, activity_id, amount_minor, currency, due_date, channel, status, created_by, created_at, credited_minor)
  SELECT id, case_id, activity_id, amount_minor, currency, due_date, channel, status, created_by, created_at,
    CASE WHEN status = 'kept' THEN amount_minor ELSE 0 END FROM promises_v11 ORDER BY rowid;
DROP TABLE promises_v11;
CREATE INDEX promises_case ON promises (case_id);
CREATE INDEX promises_due ON promises (status, due_date);
CREATE INDEX promises_made_report ON promises (created_by, created_at, case_id);
CREATE INDEX promises_due_report ON promises (created_by, due_date, status, case_id);

CREATE TABLE payment_plans_v11 AS SELECT * FROM payment_plans;
DROP TABLE payment_plans;
CREATE TABLE payment_plans (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases(id),
  total_minor  INTEGER NOT NULL CHECK (total_minor > 0),
  currency     TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','completed','broken','cancelled','superseded')),
  created_by   TEXT NOT NULL REFERENCES users(id),
  created_at   TEXT NOT NULL,${ARRANGEMENT_END}
) STRICT;
INSERT INTO payment_plans (id, case_id, total_minor, currency, status, created_by, created_at)
  SELECT id, case_id, total_minor, currency, status, created_by, created_at FROM payment_plans_v11 ORDER BY rowid;
DROP TABLE payment_plans_v11;
CREATE INDEX payment_plans_case ON payment_plans (case_id, status);

-- One active arrangement per case: the newest stays, the others are superseded by it.
CREATE TEMP TABLE arrangements_v11 AS
  SELECT 'promise' AS kind, id, case_id, created_at FROM promises WHERE status = 'open'
  UNION ALL SELECT 'plan', id, case_id, created_at FROM payment_plans WHERE status = 'active';
CREATE TEMP TABLE newest_v11 AS
  SELECT case_id, (SELECT a2.id FROM arrangements_v11 a2 WHERE a2.case_id = a.case_id ORDER BY a2.created_at DESC, a2.id DESC LIMIT 1) AS id
  FROM arrangements_v11 a GROUP BY case_id;
UPDATE promises SET status = 'superseded', closed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
    closed_reason = 'migration 11: a newer arrangement was active', replaced_by_id = (SELECT n.id FROM newest_v11 n WHERE n.case_id = promises.case_id)
  WHERE status = 'open' AND id NOT IN (SELECT id FROM newest_v11);
UPDATE payment_plans SET status = 'superseded', closed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
    closed_reason = 'migration 11: a newer arrangement was active', replaced_by_id = (SELECT n.id FROM newest_v11 n WHERE n.case_id = payment_plans.case_id)
  WHERE status = 'active' AND id NOT IN (SELECT id FROM newest_v11);
DROP TABLE arrangements_v11;
DROP TABLE newest_v11;

CREATE TABLE arrangement_credits (
  seq            INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  case_id        TEXT NOT NULL REFERENCES cases(id),
  payment_id     TEXT REFERENCES payments(id),     -- NULL: carried over from before the ledger
  promise_id     TEXT REFERENCES promises(id),
  installment_id TEXT REFERENCES installments(id),
  amount_minor   INTEGER NOT NULL CHECK (amount_minor <> 0),
  reversal_id    TEXT REFERENCES payments(id),     -- on the negative rows that undo a reversed payment's credits
  created_at     TEXT NOT NULL,
  CHECK ((promise_id IS NULL) <> (installment_id IS NULL))
) STRICT;
CREATE INDEX arrangement_credits_payment ON arrangement_credits (payment_id);
CREATE INDEX arrangement_credits_case ON arrangement_credits (case_id);
CREATE TRIGGER arrangement_credits_no_update BEFORE UPDATE ON arrangement_credits BEGIN SELECT RAISE(ABORT, 'arrangement_credits is append-only: rows cannot be changed'); END;
CREATE TRIGGER arrangement_credits_no_delete BEFORE DELETE ON arrangement_credits BEGIN SELECT RAISE(ABORT, 'arrangement_credits is append-only: rows cannot be deleted'); END;
INSERT INTO arrangement_credits (id, case_id, promise_id, amount_minor, created_at)
  SELECT 'carried:' || id, case_id, id, credited_minor, created_at FROM promises WHERE credited_minor > 0;
INSERT INTO arrangement_credits (id, case_id, installment_id, amount_minor, created_at)
  SELECT 'carried:' || i.id, p.case_id, i.id, i.paid_minor, p.created_at FROM installments i JOIN payment_plans p ON p.id = i.plan_id WHERE i.paid_minor > 0;

CREATE TABLE settlements (
  id              TEXT PRIMARY KEY,
  case_id         TEXT NOT NULL REFERENCES cases(id),
  amount_minor    INTEGER NOT NULL CHECK (amount_minor > 0),
  balance_minor   INTEGER NOT NULL CHECK (balance_minor > 0),   -- what was owed when it was offered
  currency        TEXT NOT NULL,
  due_date        TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending','agreed','refused','fulfilled','cancelled')),
  promise_id      TEXT REFERENCES promises(id),                 -- the arrangement that carries it once agreed
  requested_by    TEXT NOT NULL REFERENCES users(id),
  requested_at    TEXT NOT NULL,
  reason          TEXT NOT NULL,
  decided_by      TEXT REFERENCES users(id),
  decided_at      TEXT,
  decision_reason TEXT,
  fulfilled_at    TEXT
) STRICT;
CREATE INDEX settlements_case ON settlements (case_id, status);
CREATE INDEX settlements_status ON settlements (status, requested_at);

-- Every outcome set on a case, with what it did to the open arrangement: the case's timeline shows it.
CREATE TABLE case_outcomes (
  id                 TEXT PRIMARY KEY,
  case_id            TEXT NOT NULL REFERENCES cases(id),
  outcome            TEXT NOT NULL,
  reason             TEXT NOT NULL,
  balance_minor      INTEGER NOT NULL,
  arrangement_kind   TEXT CHECK (arrangement_kind IN ('promise','plan')),
  arrangement_id     TEXT,
  arrangement_effect TEXT CHECK (arrangement_effect IN ('cancelled','kept_open')),
  decided_by         TEXT NOT NULL REFERENCES users(id),
  at                 TEXT NOT NULL
) STRICT;
CREATE INDEX case_outcomes_case ON case_outcomes (case_id, at);
CREATE TRIGGER case_outcomes_no_update BEFORE UPDATE ON case_outcomes BEGIN SELECT RAISE(ABORT, 'case_outcomes is append-only: rows cannot be changed'); END;
CREATE TRIGGER case_outcomes_no_delete BEFORE DELETE ON case_outcomes BEGIN SELECT RAISE(ABORT, 'case_outcomes is append-only: rows cannot be deleted'); END;

CREATE TABLE payment_conflicts (
  id               TEXT PRIMARY KEY,
  case_id          TEXT NOT NULL REFERENCES cases(id),
  local_payment_id TEXT NOT NULL REFERENCES payments(id),
  package_id       TEXT NOT NULL UNIQUE,
  reference        TEXT NOT NULL,
  amount_minor     INTEGER NOT NULL,
  currency         TEXT NOT NULL,
  paid_on          TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
  created_at       TEXT NOT NULL
) STRICT;
`;
