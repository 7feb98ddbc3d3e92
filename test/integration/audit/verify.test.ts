/**
 * audit.verify over a large log: the streamed, chunked check (verifyAuditLog) gives the verdict, the
 * message and the entry count the whole-log read (verifyAudit over auditRepo.all) gave, finds a
 * tampered row wherever it sits (inside a chunk, on a chunk's edge), yields to the event loop
 * between chunks, and leaves the connection free for other requests while it waits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/open';
import { auditRepo, type AuditRow } from '../../../db/repos/audit';
import { appendAudit, VERIFY_CHUNK_ROWS, verifyAudit, verifyAuditLog } from '../../../main/backend/audit/audit';
import { tempDir } from '../../support/backend';

const ROWS = 100_000;
const ACTIONS = ['contact.log', 'contact.log', 'contact.log', 'auth.login', 'pii.reveal', 'promise.create'];

let dir: string;
let db: Db;

beforeAll(() => {
  dir = tempDir();
  db = openDatabase(path.join(dir, 'audit.sqlite'));
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      appendAudit(db, new Date(start + i * 60_000).toISOString(), {
        actorId: `user-${i % 17}`,
        action: ACTIONS[i % ACTIONS.length] ?? 'contact.log',
        objectType: 'case',
        objectId: `case-${i % 5_000}`,
        outcome: i % 97 === 0 ? 'refused' : 'ok',
        details: { channel: 'phone', n: i },
      });
    }
  })();
  // Tampering below goes under the append-only triggers, as an attacker holding the file would.
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}, 120_000);

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The verdict as the handler used to reach it: every row in memory, then the check. */
function wholeLog(): { entries: number; broken: ReturnType<typeof verifyAudit> } {
  const rows = auditRepo.all(db);
  return { entries: rows.length, broken: verifyAudit(rows) };
}

const rowAt = (seq: number) => db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as AuditRow;

/** Tampers with one row, checks both ways, and undoes it (the later tests see the intact log again). */
async function withTampered(sql: string, params: unknown[], undo: () => void, expected: { brokenAt: number; why: string }) {
  db.prepare(sql).run(...params);
  try {
    const before = wholeLog();
    const now = await verifyAuditLog(db);
    expect(before.broken).toEqual(expected);
    expect(now).toEqual(before);
  } finally {
    undo();
  }
}

describe('verifying a large audit log', () => {
  it('gives the same verdict and count as reading the whole log, and the same via a plain .iterate() stream', async () => {
    const before = wholeLog();
    expect(before).toEqual({ entries: ROWS, broken: null });
    expect(await verifyAuditLog(db)).toEqual(before);
    // verifyAudit itself takes any iterable: one .iterate() stream over the whole log.
    expect(verifyAudit(auditRepo.chunk(db, 1, ROWS, ROWS))).toBeNull();
  }, 120_000);

  it('finds an edited row inside a chunk and at either edge of one, with the same message', async () => {
    for (const seq of [VERIFY_CHUNK_ROWS, VERIFY_CHUNK_ROWS + 1, 54_321]) {
      const original = rowAt(seq).details_json;
      await withTampered(
        'UPDATE audit_log SET details_json = ? WHERE seq = ?',
        ['{"why":"edited"}', seq],
        () => db.prepare('UPDATE audit_log SET details_json = ? WHERE seq = ?').run(original, seq),
        { brokenAt: seq, why: 'entry content does not match its hash' },
      );
    }
  }, 120_000);

  it('finds a re-linked row (prev_hash edited) and a removed row', async () => {
    const relinked = rowAt(77_777);
    await withTampered(
      'UPDATE audit_log SET prev_hash = ? WHERE seq = ?',
      ['f'.repeat(64), relinked.seq],
      () => db.prepare('UPDATE audit_log SET prev_hash = ? WHERE seq = ?').run(relinked.prev_hash, relinked.seq),
      { brokenAt: 77_777, why: 'prev_hash does not match the previous entry' },
    );
    const removed = rowAt(VERIFY_CHUNK_ROWS * 3);
    const reinsert = () =>
      db
        .prepare(
          `INSERT INTO audit_log (seq, id, at, actor_id, action, object_type, object_id, outcome, details_json, prev_hash, hash, mac)
           VALUES (@seq, @id, @at, @actor_id, @action, @object_type, @object_id, @outcome, @details_json, @prev_hash, @hash, @mac)`,
        )
        .run(removed);
    await withTampered('DELETE FROM audit_log WHERE seq = ?', [removed.seq], reinsert, {
      brokenAt: removed.seq + 1,
      why: `expected sequence ${removed.seq}, found ${removed.seq + 1}`,
    });
    // A row slipped in below the first one is read first, as ORDER BY seq over the whole log did.
    const first = rowAt(1);
    await withTampered(
      `INSERT INTO audit_log (seq, id, at, actor_id, action, object_type, object_id, outcome, details_json, prev_hash, hash)
       VALUES (0, 'forged', ?, NULL, 'auth.login', 'user', NULL, 'ok', '{}', ?, ?)`,
      [first.at, first.prev_hash, first.hash],
      () => db.prepare('DELETE FROM audit_log WHERE seq = 0').run(),
      { brokenAt: 0, why: 'expected sequence 1, found 0' },
    );
  }, 120_000);

  it('yields to the event loop between chunks instead of hashing every row in one turn', async () => {
    let done = false;
    let turns = 0;
    const tick = () => {
      if (done) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    const result = await verifyAuditLog(db).finally(() => {
      done = true;
    });
    expect(result).toEqual({ entries: ROWS, broken: null });
    // Another callback ran between (about) every two chunks: the loop was never held for the whole log.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(ROWS / VERIFY_CHUNK_ROWS / 2));
  }, 120_000);

  it('leaves the connection free between chunks: requests read and append meanwhile; the rows present at the start are checked', async () => {
    let pauses = 0;
    const result = await verifyAuditLog(db, {
      chunkRows: 10_000,
      pause: async () => {
        pauses += 1;
        // What another request would do while the check waits: read, and audit an act. With a
        // statement left open across the pause, better-sqlite3 would refuse both.
        expect(auditRepo.head(db)?.seq).toBe(ROWS + pauses - 1);
        db.transaction(() => appendAudit(db, '2026-12-31T00:00:00.000Z', { actorId: null, action: 'auth.login', objectType: 'user', objectId: null, outcome: 'ok' }))();
        await new Promise((resolve) => setImmediate(resolve));
      },
    });
    expect(pauses).toBe(ROWS / 10_000);
    expect(result).toEqual({ entries: ROWS, broken: null });
    // The appended rows extend the same chain: the next check covers them too.
    expect(await verifyAuditLog(db)).toEqual({ entries: ROWS + pauses, broken: null });
    expect(wholeLog()).toEqual({ entries: ROWS + pauses, broken: null });
  }, 120_000);

  it('reports an empty log as intact with no entries', async () => {
    const emptyDir = tempDir();
    const empty = openDatabase(path.join(emptyDir, 'empty.sqlite'));
    try {
      expect(await verifyAuditLog(empty)).toEqual({ entries: 0, broken: null });
      expect(verifyAudit(auditRepo.all(empty))).toBeNull();
    } finally {
      empty.close();
      fs.rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
