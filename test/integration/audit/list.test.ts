/**
 * audit.list's query: each filter is served by an index (no full scan, no sort of everything that
 * matches), the rows match what the old one-statement-for-all-filters WHERE matched, and the total
 * is the count of the same WHERE (taken from a short last page without counting).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/open';
import { auditListing, auditRepo, type AuditFilter, type AuditRow } from '../../../db/repos/audit';
import { appendAudit } from '../../../main/backend/audit/audit';
import { tempDir } from '../../support/backend';

const ROWS = 3_000;
const ACTIONS = ['contact.log', 'contact.log', 'auth.login', 'pii.reveal', 'promise.create'];
const OUTCOMES = ['ok', 'ok', 'ok', 'refused', 'failed'] as const;
const FROM = '2026-02-01T00:00:00.000Z';
const TO = '2026-02-10T23:59:59.999Z';

let dir: string;
let db: Db;

beforeAll(() => {
  dir = tempDir();
  db = openDatabase(path.join(dir, 'audit.sqlite'));
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      // Mostly in time order, with some entries appended after later ones (a slow request's act),
      // and runs of equal instants, so the (at, seq) order is exercised.
      const minutes = i % 50 === 7 ? i - 40 : i - (i % 3);
      appendAudit(db, new Date(start + minutes * 60 * 60_000).toISOString(), {
        actorId: `user-${i % 7}`,
        action: ACTIONS[i % ACTIONS.length] ?? 'contact.log',
        objectType: 'case',
        objectId: `case-${i % 300}`,
        outcome: OUTCOMES[(i * 7) % OUTCOMES.length] ?? 'ok',
      });
    }
  })();
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const FILTERS: Record<string, AuditFilter> = {
  from: { from: FROM },
  to: { to: TO },
  period: { from: FROM, to: TO },
  action: { action: 'pii.reveal' },
  outcome: { outcome: 'refused' },
  'action + period': { action: 'contact.log', from: FROM, to: TO },
  'outcome + period': { outcome: 'failed', from: FROM, to: TO },
  'action + outcome': { action: 'auth.login', outcome: 'refused' },
  'action + outcome + period': { action: 'contact.log', outcome: 'ok', from: FROM, to: TO },
};

function plan(sql: string, params: Record<string, unknown>): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

/** The listing before: one statement for every filter combination, `(@x IS NULL OR …)`. */
function oldListing(f: AuditFilter): AuditRow[] {
  return db
    .prepare(
      `SELECT * FROM audit_log WHERE (@from IS NULL OR at >= @from) AND (@to IS NULL OR at <= @to)
        AND (@action IS NULL OR action = @action) AND (@outcome IS NULL OR outcome = @outcome) ORDER BY seq DESC`,
    )
    .all({ from: f.from ?? null, to: f.to ?? null, action: f.action ?? null, outcome: f.outcome ?? null }) as AuditRow[];
}

const newestFirst = (a: AuditRow, b: AuditRow) => (a.at === b.at ? b.seq - a.seq : a.at < b.at ? 1 : -1);

describe('the audit listing', () => {
  it('serves every filtered page and its count from an index, reading the page in index order', () => {
    const expected: Record<string, RegExp> = {
      from: /audit_log_at \(at>\?\)/,
      to: /audit_log_at \(at<\?\)/,
      period: /audit_log_at \(at>\? AND at<\?\)/,
      action: /audit_log_action \(action=\?\)/,
      outcome: /audit_log_outcome \(outcome=\?\)/,
      'action + period': /audit_log_action \(action=\? AND at>\? AND at<\?\)/,
      'outcome + period': /audit_log_outcome \(outcome=\? AND at>\? AND at<\?\)/,
      'action + outcome': /audit_log_(action \(action|outcome \(outcome)=\?\)/,
      'action + outcome + period': /audit_log_(action \(action|outcome \(outcome)=\? AND at>\? AND at<\?\)/,
    };
    for (const [label, f] of Object.entries(FILTERS)) {
      const q = auditListing(f);
      const page = plan(q.page, { ...q.params, limit: 200, offset: 0 });
      const count = plan(q.count, q.params);
      for (const p of [page, count]) {
        expect(p, `${label}: ${p}`).toMatch(/^SEARCH audit_log USING (COVERING )?INDEX /);
        expect(p, `${label}: ${p}`).toMatch(expected[label] ?? /never/);
        expect(p, `${label}: ${p}`).not.toMatch(/SCAN|TEMP B-TREE/);
      }
    }
    // No filter: the newest page is read off audit_log_at from its end, not sorted.
    const all = auditListing({});
    expect(plan(all.page, { limit: 200, offset: 0 })).toBe('SCAN audit_log USING INDEX audit_log_at');
  });

  it('matches the rows the old statement matched, newest first, with the same totals', () => {
    for (const [label, f] of Object.entries({ none: {}, ...FILTERS, 'unknown action': { action: 'nope' }, 'empty action': { action: '' } })) {
      const old = oldListing(f);
      const sorted = [...old].sort(newestFirst);
      const whole = auditRepo.page(db, { ...f, offset: 0, limit: 1_000 });
      expect(whole.total, label).toBe(old.length);
      expect(whole.rows.map((r) => r.seq), label).toEqual(sorted.slice(0, 1_000).map((r) => r.seq));
      // Every page, walked with OFFSET, adds up to the same rows in the same order.
      const walked: number[] = [];
      for (let offset = 0; ; offset += 70) {
        const page = auditRepo.page(db, { ...f, offset, limit: 70 });
        expect(page.total, `${label} @${offset}`).toBe(old.length);
        walked.push(...page.rows.map((r) => r.seq));
        if (page.rows.length < 70) break;
      }
      expect(walked, label).toEqual(sorted.map((r) => r.seq));
    }
    // Before the empty action filtered to nothing, it still does (it is given, so it filters).
    expect(auditRepo.page(db, { action: '', offset: 0, limit: 10 })).toEqual({ rows: [], total: 0 });
  });

  it('counts past the end: an offset beyond the last row still says how many there are', () => {
    const f = FILTERS.outcome ?? {};
    const n = oldListing(f).length;
    expect(auditRepo.page(db, { ...f, offset: n + 500, limit: 50 })).toEqual({ rows: [], total: n });
    expect(auditRepo.page(db, { offset: ROWS, limit: 50 })).toEqual({ rows: [], total: ROWS });
    expect(auditRepo.page(db, { offset: ROWS - 1, limit: 50 }).total).toBe(ROWS);
  });
});
