/**
 * Append-only from any SQLite client (issue 15, item 4): a plain better-sqlite3 connection — the
 * non-cipher build, no pragmas set, as the `sqlite3` shell would be on a --plain database — cannot
 * rewrite a row of an append-only table with INSERT OR REPLACE / REPLACE, nor blank an activity's
 * text outside a retention purge.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { AppendOnlyGuardError } from '../../../db/migrations/append-only';
import { demoBackend } from '../../support/backend';

const TABLES = ['activities', 'activity_marks', 'payments', 'guardrail_decisions', 'audit_log', 'chain', 'reports', 'ledger_postings'] as const;

let dataDir: string;
let file: string;

beforeAll(() => {
  const t = demoBackend({ cases: 30 });
  // Tables the demo leaves empty get one row the ordinary way, so each has a row to attack.
  const activity = t.db.prepare('SELECT id, case_id FROM activities ORDER BY rowid DESC LIMIT 1').get() as { id: string; case_id: string };
  t.db.prepare("INSERT INTO activity_marks (id, activity_id, mark, reason, at) VALUES ('m1', ?, 'qa_review', 'sample', '2026-11-25T03:00:00.000Z')").run(activity.id);
  t.db
    .prepare(
      `INSERT INTO activities (id, case_id, at, channel, party, result, outcome, text, collector_id, created_at)
       SELECT 'note-1', case_id, at, 'note', party, result, outcome, 'borrower said she lost her job', collector_id, created_at FROM activities WHERE id = ?`,
    )
    .run(activity.id);
  const placement = (t.db.prepare('SELECT id FROM placements LIMIT 1').get() as { id: string }).id;
  t.db
    .prepare(
      `INSERT INTO reports (id, placement_id, seq, period_from, period_to, created_at, canonical, signature_b64, chain_head)
       VALUES ('r1', ?, 1, '2026-11-01', '2026-11-25', '2026-11-25T03:00:00.000Z', '{}', 'c2ln', 'head')`,
    )
    .run(placement);
  dataDir = t.dataDir;
  t.backend.close();
  file = path.join(dataDir, 'casedesk.sqlite');
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function plain(): Database.Database {
  return new Database(file);
}

describe('append-only tables, from a plain SQLite client', () => {
  for (const t of TABLES) {
    it(`INSERT OR REPLACE of ${t}'s last row fails and leaves it as it was`, () => {
      const db = plain();
      try {
        const before = db.prepare(`SELECT rowid, * FROM ${t} WHERE rowid = (SELECT max(rowid) FROM ${t})`).get();
        expect(before).toBeDefined();
        expect(() => db.prepare(`INSERT OR REPLACE INTO ${t} SELECT * FROM ${t} WHERE rowid = (SELECT max(rowid) FROM ${t})`).run()).toThrow(/append-only/);
        expect(() => db.prepare(`REPLACE INTO ${t} SELECT * FROM ${t} WHERE rowid = (SELECT max(rowid) FROM ${t})`).run()).toThrow(/append-only/);
        expect(db.prepare(`SELECT rowid, * FROM ${t} WHERE rowid = (SELECT max(rowid) FROM ${t})`).get()).toEqual(before);
      } finally {
        db.close();
      }
    });
  }

  it('a replace that changes a column (the amount of a payment) fails too', () => {
    const db = plain();
    try {
      const cols = (db.prepare("SELECT name FROM pragma_table_info('payments')").all() as { name: string }[]).map((r) => r.name);
      const select = cols.map((c) => (c === 'amount_minor' ? 'amount_minor * 10' : c)).join(', ');
      expect(() => db.prepare(`INSERT OR REPLACE INTO payments SELECT ${select} FROM payments LIMIT 1`).run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('a replace colliding only on a UNIQUE column (payments source + reference, chain hash, audit id) fails', () => {
    const db = plain();
    try {
      const caseId = (db.prepare('SELECT id FROM cases LIMIT 1').get() as { id: string }).id;
      db.prepare(`INSERT INTO payments (id, case_id, amount_minor, currency, paid_on, source, reference, created_at)
                  VALUES ('ap-1', ?, 5000, 'CNY', '2026-11-02', 'agency', 'AG-77', '2026-11-25T03:00:00.000Z')`).run(caseId);
      expect(() =>
        db.prepare(`INSERT OR REPLACE INTO payments (id, case_id, amount_minor, currency, paid_on, source, reference, created_at)
                    SELECT 'other-id', case_id, 1, currency, paid_on, source, reference, created_at FROM payments WHERE id = 'ap-1'`).run(),
      ).toThrow(/append-only/);
      // A lender payment's reference taken again is skipped as a replay (below): nothing replaced either.
      const lender = db.prepare("SELECT rowid, * FROM payments WHERE source = 'lender' LIMIT 1").get() as { id: string } | undefined;
      if (lender) {
        db.prepare(`INSERT OR REPLACE INTO payments (id, case_id, amount_minor, currency, paid_on, source, reference, created_at)
                    SELECT 'other-id', case_id, 1, currency, paid_on, source, reference, created_at FROM payments WHERE id = ?`).run(lender.id);
        expect(db.prepare('SELECT rowid, * FROM payments WHERE id = ?').get(lender.id)).toEqual(lender);
        expect(db.prepare("SELECT count(*) AS n FROM payments WHERE id = 'other-id'").get()).toEqual({ n: 0 });
      }
      expect(() =>
        db.prepare(`INSERT OR REPLACE INTO chain (seq, record_type, record_id, case_id, placement_id, at, canonical, prev_hash, hash)
                    SELECT 1000000, record_type, record_id, case_id, placement_id, at, canonical, prev_hash, hash FROM chain LIMIT 1`).run(),
      ).toThrow(/append-only/);
      expect(() =>
        db.prepare(`INSERT OR REPLACE INTO audit_log (seq, id, at, actor_id, action, object_type, object_id, outcome, details_json, prev_hash, hash)
                    SELECT 1000000, id, at, actor_id, action, object_type, object_id, outcome, details_json, prev_hash, hash FROM audit_log LIMIT 1`).run(),
      ).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('a replace by explicit rowid (a table with a text key) fails', () => {
    const db = plain();
    try {
      const n = (db.prepare('SELECT count(*) AS n FROM activities').get() as { n: number }).n;
      expect(() =>
        db.prepare(`INSERT OR REPLACE INTO activities (rowid, id, case_id, at, channel, party, result, outcome, collector_id, created_at)
                    SELECT rowid, 'fresh-id', case_id, at, channel, party, result, outcome, collector_id, created_at FROM activities LIMIT 1`).run(),
      ).toThrow(/append-only/);
      expect((db.prepare('SELECT count(*) AS n FROM activities').get() as { n: number }).n).toBe(n);
    } finally {
      db.close();
    }
  });

  it("UPDATE activities SET text = '[purged]' fails outside a retention purge", () => {
    const db = plain();
    try {
      db.prepare("UPDATE activities SET text = 'a note' WHERE 0").run(); // the statement itself is valid
      expect(() => db.prepare("UPDATE activities SET text = '[purged]' WHERE rowid = (SELECT max(rowid) FROM activities)").run()).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE activities SET text = '[purged]' WHERE id = 'note-1'").run()).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE activities SET text = '[purged]' WHERE text IS NOT NULL").run()).toThrow(/append-only/);
      expect(db.prepare("SELECT text FROM activities WHERE id = 'note-1'").get()).toEqual({ text: 'borrower said she lost her job' });
      expect(() => db.prepare('UPDATE activities SET rowid = rowid + 1000000 WHERE rowid = (SELECT max(rowid) FROM activities)').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('a lender payment seen again (ON CONFLICT DO NOTHING, in another package or later) is skipped, not refused, and changes nothing', () => {
    const db = plain();
    try {
      const caseId = (db.prepare('SELECT id FROM cases LIMIT 1').get() as { id: string }).id;
      const insert = db.prepare(
        `INSERT INTO payments (id, case_id, amount_minor, currency, paid_on, source, reference, created_at)
         VALUES (?, ?, 20000, 'CNY', '2026-11-01', 'lender', 'BANK-TX-9', ?) ON CONFLICT DO NOTHING`,
      );
      expect(insert.run('lp-1', caseId, '2026-11-25T03:00:00.000Z').changes).toBe(1);
      const before = db.prepare("SELECT rowid, * FROM payments WHERE id = 'lp-1'").get();
      expect(insert.run('lp-2', caseId, '2026-11-25T03:00:00.000Z').changes).toBe(0);
      expect(insert.run('lp-1', caseId, '2026-11-26T03:00:00.000Z').changes).toBe(0);
      expect(db.prepare("SELECT rowid, * FROM payments WHERE reference = 'BANK-TX-9'").all()).toEqual([before]);
      // Not a replay: the row copied as it stands, or an agency payment taking the id.
      expect(() => db.prepare("INSERT OR REPLACE INTO payments SELECT * FROM payments WHERE id = 'lp-1'").run()).toThrow(/append-only/);
      expect(() =>
        db.prepare(`INSERT INTO payments (id, case_id, amount_minor, currency, paid_on, source, reference, created_at)
                    VALUES ('lp-1', ?, 1, 'CNY', '2026-11-01', 'agency', 'A-1', '2026-11-27T03:00:00.000Z') ON CONFLICT DO NOTHING`).run(caseId),
      ).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});

describe('tables kept with INSERT OR IGNORE', () => {
  it('a receipt cannot be replaced or deleted (it anchors the audit log); a repeat is skipped', () => {
    const db = plain();
    try {
      db.prepare("INSERT INTO report_receipts (report_id, received_at, receipt_json) VALUES ('r1', '2026-11-25T04:00:00.000Z', '{\"n\":1}')").run();
      const before = db.prepare("SELECT rowid, * FROM report_receipts WHERE report_id = 'r1'").get();
      expect(db.prepare("INSERT OR REPLACE INTO report_receipts (report_id, received_at, receipt_json) VALUES ('r1', 'x', '{}')").run().changes).toBe(0);
      expect(db.prepare("INSERT OR IGNORE INTO report_receipts (report_id, received_at, receipt_json) VALUES ('r1', 'x', '{}')").run().changes).toBe(0);
      expect(() => db.prepare("DELETE FROM report_receipts WHERE report_id = 'r1'").run()).toThrow(/append-only/);
      expect(db.prepare("SELECT rowid, * FROM report_receipts WHERE report_id = 'r1'").get()).toEqual(before);
    } finally {
      db.close();
    }
  });
});

describe('the activities guard covers every column', () => {
  it('refuses to open a schema where a column was added without re-creating the guard', () => {
    const db = plain();
    db.exec('ALTER TABLE activities ADD COLUMN later_column TEXT');
    db.close();
    expect(() => openDatabase(file)).toThrow(AppendOnlyGuardError);
    expect(() => openDatabase(file)).toThrow(/later_column/);
  });
});
