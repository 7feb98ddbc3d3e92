/** The outbox's per-kind tallies stay equal to a count of the unsent rows through every kind of change. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { migrate, openDatabase, type Db } from '../../../db/open';
import { outboxRepo } from '../../../db/repos/outbox';
import { tempDir } from '../sync/fixtures';

let tmp: ReturnType<typeof tempDir> | undefined;
afterEach(() => tmp?.cleanup());

const counted = (db: Db) =>
  Object.fromEntries((db.prepare('SELECT kind, count(*) AS n FROM outbox WHERE sent_at IS NULL GROUP BY kind').all() as { kind: string; n: number }[]).map((r) => [r.kind, r.n]));

function add(db: Db, kind: string, ref: string, placementId = 'p1'): void {
  outboxRepo(db).insert({ id: `${kind}-${ref}-${Math.random()}`, kind, ref_id: ref, payload_json: JSON.stringify({ placementId }), created_at: '2026-03-02T00:00:00.000Z' });
}

describe('outbox counts', () => {
  it('follow inserts, sends, chain acknowledgements, re-queues and deletes exactly', () => {
    tmp = tempDir();
    const db = openDatabase(join(tmp.dir, 'ws.sqlite'));
    const outbox = outboxRepo(db);
    for (let i = 1; i <= 6; i++) add(db, 'chain_record', String(i), i % 2 ? 'p1' : 'p2');
    add(db, 'report', 'r1');
    add(db, 'report', 'r2');
    expect(outbox.pendingCounts()).toEqual({ chain_record: 6, report: 2 });
    expect(outbox.pendingCounts()).toEqual(counted(db));

    expect(outbox.markChainReported('p1', 4, '2026-03-03T00:00:00.000Z')).toBe(2);
    outbox.markSentByRef('report', 'r1', '2026-03-03T00:00:00.000Z');
    expect(outbox.pendingCounts()).toEqual({ chain_record: 4, report: 1 });
    // Sending twice counts once.
    expect(outbox.markSentByRef('report', 'r1', '2026-03-04T00:00:00.000Z')).toBe(0);
    expect(outbox.pendingCounts()).toEqual(counted(db));

    db.exec("UPDATE outbox SET sent_at = NULL WHERE ref_id = 'r1'");
    db.exec("UPDATE outbox SET kind = 'other' WHERE ref_id = '6'");
    expect(outbox.pendingCounts()).toEqual({ chain_record: 3, report: 2, other: 1 });
    db.exec("DELETE FROM outbox WHERE kind = 'report'");
    expect(outbox.pendingCounts()).toEqual({ chain_record: 3, other: 1 });
    expect(outbox.pendingCounts()).toEqual(counted(db));
    db.close();
  });

  it('find the waiting reports by kind, not by walking every unsent record', () => {
    tmp = tempDir();
    const db = openDatabase(join(tmp.dir, 'ws.sqlite'));
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('report') as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT * FROM outbox WHERE sent_at IS NULL AND kind = ? ORDER BY seq')).toMatch(/USING INDEX outbox_kind_pending \(kind=\? AND sent_at=\?\)/);
    expect(plan('SELECT count(*) AS n FROM outbox WHERE kind = ? AND sent_at IS NULL AND last_error IS NOT NULL')).toMatch(/outbox_kind_pending \(kind=\? AND sent_at=\?\)/);
    db.close();
  });

  it('start from the rows a database already holds when it is migrated', () => {
    tmp = tempDir();
    const file = join(tmp.dir, 'old.sqlite');
    const raw = new Database(file);
    migrate(raw, MIGRATIONS.slice(0, 7));
    const insert = raw.prepare("INSERT INTO outbox (id, kind, ref_id, payload_json, created_at, sent_at) VALUES (?, ?, ?, '{}', 'x', ?)");
    insert.run('a', 'chain_record', '1', null);
    insert.run('b', 'chain_record', '2', 'sent');
    insert.run('c', 'report', 'r', null);
    raw.close();
    const db = openDatabase(file);
    expect(outboxRepo(db).pendingCounts()).toEqual({ chain_record: 1, report: 1 });
    db.close();
  });
});
