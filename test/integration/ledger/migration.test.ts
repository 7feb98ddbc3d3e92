/** Migration 11 over a database at schema version 10: cases and payments become the ledger. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { migrate, type Db } from '../../../db/open';
import { tempDir } from '../sync/fixtures';

let tmp: ReturnType<typeof tempDir> | undefined;
afterEach(() => tmp?.cleanup());

const AT = '2026-11-01T00:00:00.000Z';

function v10(): Db {
  tmp = tempDir();
  const db = new Database(join(tmp.dir, 'v10.sqlite')) as unknown as Db;
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 10));
  expect(db.pragma('user_version', { simple: true })).toBe(10);
  db.exec(`
    INSERT INTO users (id, username, display_name, role, created_at) VALUES ('u1', 'zhang.wei', 'Zhang Wei', 'collector', '${AT}');
    INSERT INTO lenders (id, code, name, created_at) VALUES ('l1', 'L1', 'Lender', '${AT}');
    INSERT INTO placements (id, lender_id, code, name, agreement_ref, preset, policy_version, currency, default_timezone, start_date, end_date, created_at)
      VALUES ('p1', 'l1', 'UK-1', 'UK', 'A-1', 'uk-conc', 'v1', 'GBP', 'Europe/London', '2026-01-01', '2027-01-01', '${AT}');
    INSERT INTO borrowers (id, full_name, created_at) VALUES ('b1', 'Ann', '${AT}');
    INSERT INTO cases (id, placement_id, borrower_id, reference, currency, principal_minor, interest_minor, penalty_minor, fees_minor, due_since, dpd, created_at, updated_at)
      VALUES ('c1', 'p1', 'b1', 'R-1', 'GBP', 1000000, 300036, 50000, 50000, '2026-06-01', 150, '${AT}', '${AT}'),
             ('c2', 'p1', 'b1', 'R-2', 'GBP', 10000, 0, 0, 0, '2026-06-01', 150, '${AT}', '${AT}');
    INSERT INTO payments (id, case_id, amount_minor, currency, paid_on, source, reference, created_at)
      VALUES ('pay1', 'c1', 466679, 'GBP', '2026-11-02', 'agency', 'REF-1', '${AT}'),
             ('pay2', 'c2', 12000, 'GBP', '2026-11-02', 'lender', 'REF-2', '${AT}');
    INSERT INTO promises (id, case_id, amount_minor, currency, due_date, status, created_by, created_at)
      VALUES ('pr1', 'c1', 25000, 'GBP', '2026-11-20', 'open', 'u1', '2026-11-01T10:00:00.000Z');
    INSERT INTO payment_plans (id, case_id, total_minor, currency, status, created_by, created_at)
      VALUES ('pl1', 'c1', 1400036, 'GBP', 'active', 'u1', '2026-11-01T11:00:00.000Z'),
             ('pl2', 'c1', 1400036, 'GBP', 'active', 'u1', '2026-11-01T12:00:00.000Z');
    INSERT INTO installments (id, plan_id, seq, due_date, amount_minor, paid_minor, status)
      VALUES ('i1', 'pl1', 1, '2026-11-10', 466678, 466678, 'kept'), ('i2', 'pl2', 1, '2026-11-10', 700018, 466679, 'partial');
  `);
  expect(db.prepare("SELECT balance_minor FROM cases WHERE id = 'c1'").get()).toEqual({ balance_minor: 1_400_036 });
  return db;
}

describe('migration 11 (ledger)', () => {
  it('turns placed amounts and payments into postings and the balance into what is owed', () => {
    const db = v10();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT id, placed_minor, balance_minor, credit_minor FROM cases ORDER BY id').all()).toEqual([
      { id: 'c1', placed_minor: 1_400_036, balance_minor: 933_357, credit_minor: 0 },
      { id: 'c2', placed_minor: 10_000, balance_minor: 0, credit_minor: 2_000 },
    ]);
    expect(db.prepare("SELECT kind, amount_minor, delta_minor, payment_id FROM ledger_postings WHERE case_id = 'c1' ORDER BY seq").all()).toEqual([
      { kind: 'opening', amount_minor: 1_400_036, delta_minor: 1_400_036, payment_id: null },
      { kind: 'payment', amount_minor: 466_679, delta_minor: -466_679, payment_id: 'pay1' },
    ]);
    db.close();
  });

  it('leaves the newest arrangement active and supersedes the others, keeping what they were credited', () => {
    const db = v10();
    migrate(db);
    expect(db.prepare("SELECT status, replaced_by_id FROM promises WHERE id = 'pr1'").get()).toEqual({ status: 'superseded', replaced_by_id: 'pl2' });
    expect(db.prepare('SELECT id, status FROM payment_plans ORDER BY id').all()).toEqual([
      { id: 'pl1', status: 'superseded' },
      { id: 'pl2', status: 'active' },
    ]);
    expect(db.prepare('SELECT installment_id, amount_minor FROM arrangement_credits ORDER BY installment_id').all()).toEqual([
      { installment_id: 'i1', amount_minor: 466_678 },
      { installment_id: 'i2', amount_minor: 466_679 },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('keeps the balance in step with every later posting, and postings append-only', () => {
    const db = v10();
    migrate(db);
    db.exec(`INSERT INTO cases (id, placement_id, borrower_id, reference, currency, principal_minor, fees_minor, due_since, dpd, created_at, updated_at)
      VALUES ('c3', 'p1', 'b1', 'R-3', 'GBP', 5000, 45, '2026-06-01', 150, '${AT}', '${AT}')`);
    expect(db.prepare("SELECT balance_minor FROM cases WHERE id = 'c3'").get()).toEqual({ balance_minor: 5_045 });
    db.exec(`INSERT INTO payments (id, case_id, amount_minor, currency, paid_on, source, reference, created_at) VALUES ('pay3', 'c3', 5046, 'GBP', '2026-11-03', 'agency', 'REF-3', '${AT}')`);
    expect(db.prepare("SELECT balance_minor, credit_minor FROM cases WHERE id = 'c3'").get()).toEqual({ balance_minor: 0, credit_minor: 1 });
    db.exec(`INSERT INTO payments (id, case_id, amount_minor, currency, paid_on, source, reference, reverses_id, created_at) VALUES ('rev3', 'c3', -5046, 'GBP', '2026-11-04', 'agency', 'REV:REF-3', 'pay3', '${AT}')`);
    expect(db.prepare("SELECT balance_minor, credit_minor FROM cases WHERE id = 'c3'").get()).toEqual({ balance_minor: 5_045, credit_minor: 0 });
    expect(() => db.exec("UPDATE ledger_postings SET delta_minor = 0 WHERE case_id = 'c3'")).toThrow(/append-only/);
    expect(() => db.exec("DELETE FROM ledger_postings WHERE case_id = 'c3'")).toThrow(/append-only/);
    expect(() => db.exec("UPDATE cases SET balance_minor = -1 WHERE id = 'c3'")).toThrow(/CHECK/);
    db.close();
  });
});
