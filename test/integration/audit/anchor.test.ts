/**
 * audit.verify against the last receipted audit head and the keyed hash (issue 15, item 5). The
 * attacks run as someone holding the database file would: with the append-only triggers dropped.
 * Until reports carry `auditHead` (another change), the receipted report is a row inserted here.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditVerifyView } from '../../../common/domain/audit/verdict';
import type { AuditRow } from '../../../db/repos/audit';
import type { Db } from '../../../db/open';
import { appendAudit } from '../../../main/backend/audit/audit';
import { demoBackend } from '../../support/backend';

type T = ReturnType<typeof demoBackend>;
const open: T[] = [];
afterEach(() => open.splice(0).forEach((t) => t.cleanup()));

const USERS = ['u-alice', 'u-bob', 'u-carol', 'u-dave'];

/** A demo workstation with `n` more audit entries from four users. */
function workstation(n = 200): T {
  const t = demoBackend({ cases: 10 });
  open.push(t);
  t.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      appendAudit(t.db, new Date(Date.parse('2026-11-20T00:00:00.000Z') + i * 60_000).toISOString(), {
        actorId: USERS[i % USERS.length] ?? null,
        action: 'pii.reveal',
        objectType: 'case',
        objectId: `case-${i}`,
        outcome: 'ok',
        details: { field: 'phone', reason: 'call' },
      });
    }
  })();
  return t;
}

const head = (db: Db) => db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };

/** A stored report frame carrying `auditHead`, receipted by the lender. */
function receiptedReport(db: Db, id: string, auditHead: { seq: number; hash: string } | null, receivedAt: string): void {
  const placement = (db.prepare('SELECT id FROM placements ORDER BY id LIMIT 1').get() as { id: string }).id;
  const seq = ((db.prepare('SELECT max(seq) AS s FROM reports WHERE placement_id = ?').get(placement) as { s: number | null }).s ?? 0) + 1;
  const frame = JSON.stringify({ ...(auditHead ? { auditHead } : {}), links: [], placementId: placement });
  db.prepare(
    `INSERT INTO reports (id, placement_id, seq, period_from, period_to, created_at, canonical, signature_b64, chain_head, links_in_chain)
     VALUES (?, ?, ?, '2026-11-01', '2026-11-20', ?, ?, 'c2ln', 'head', 1)`,
  ).run(id, placement, seq, receivedAt, frame);
  db.prepare('INSERT INTO report_receipts (report_id, received_at, receipt_json) VALUES (?, ?, ?)').run(id, receivedAt, '{}');
}

const dropAuditGuards = (db: Db) => db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_replace;');

/** The public, unkeyed formula (as main/backend/audit/audit.ts computes `hash`). */
function unkeyedHash(prev: string, body: Omit<AuditRow, 'hash' | 'prev_hash' | 'mac'>): string {
  return createHash('sha256').update(prev, 'hex').update(canonicalize(body) ?? '', 'utf8').digest('hex');
}

/** Removes one user's entries and re-hashes the rest, renumbered, with the unkeyed formula. */
function removeUserAndRehash(db: Db, actorId: string): void {
  const rows = (db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]).filter((r) => r.actor_id !== actorId);
  db.prepare('DELETE FROM audit_log').run();
  let prev = '0'.repeat(64);
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, id, at, actor_id, action, object_type, object_id, outcome, details_json, prev_hash, hash, mac)
     VALUES (@seq, @id, @at, @actor_id, @action, @object_type, @object_id, @outcome, @details_json, @prev_hash, @hash, @mac)`,
  );
  rows.forEach((r, i) => {
    const body = { seq: i + 1, id: r.id, at: r.at, actor_id: r.actor_id, action: r.action, object_type: r.object_type, object_id: r.object_id, outcome: r.outcome, details_json: r.details_json };
    const hash = unkeyedHash(prev, body);
    insert.run({ ...body, prev_hash: prev, hash, mac: r.mac ?? null });
    prev = hash;
  });
}

describe('audit.verify against the last receipted head', () => {
  it('with no receipted report carrying an audit head: ok, says there is no anchor yet and counts every entry unanchored', async () => {
    const t = workstation();
    receiptedReport(t.db, 'old-report', null, '2026-11-20T01:00:00.000Z');
    const v = await t.call<AuditVerifyView>('audit.verify');
    expect(v).toMatchObject({ ok: true, problem: null, anchor: { state: 'none' }, unanchored: v.entries });
    expect(v.entries).toBeGreaterThanOrEqual(200);
  });

  it('anchored at the receipted head: ok, and the entries after it counted as unanchored', async () => {
    const t = workstation();
    const h = head(t.db);
    receiptedReport(t.db, 'r-early', { seq: 5, hash: (t.db.prepare('SELECT hash FROM audit_log WHERE seq = 5').get() as { hash: string }).hash }, '2026-11-20T01:00:00.000Z');
    receiptedReport(t.db, 'r-last', h, '2026-11-21T01:00:00.000Z');
    appendAudit(t.db, '2026-11-22T00:00:00.000Z', { actorId: 'u-alice', action: 'auth.login', objectType: 'user', objectId: 'u-alice', outcome: 'ok' });
    const v = await t.call<AuditVerifyView>('audit.verify');
    expect(v).toMatchObject({ ok: true, brokenAt: null, why: null, anchor: { state: 'ok', reportId: 'r-last', seq: h.seq, hash: h.hash }, unanchored: 1 });
    expect(v.keyedFrom).toBe(1);
  });

  it('deleting the last 40 entries after a receipted report fails as truncated', async () => {
    const t = workstation();
    const h = head(t.db);
    receiptedReport(t.db, 'r1', h, '2026-11-21T01:00:00.000Z');
    dropAuditGuards(t.db);
    t.db.prepare('DELETE FROM audit_log WHERE seq > ?').run(h.seq - 40);
    const v = await t.call<AuditVerifyView>('audit.verify');
    expect(v).toMatchObject({ ok: false, problem: 'truncated', brokenAt: h.seq - 39, entries: h.seq - 40, anchor: { state: 'truncated', seq: h.seq } });
  });

  it("removing one user's entries and re-hashing the rest with the unkeyed formula fails: keyed hash and anchor", async () => {
    const t = workstation();
    const h = head(t.db);
    receiptedReport(t.db, 'r1', h, '2026-11-21T01:00:00.000Z');
    dropAuditGuards(t.db);
    removeUserAndRehash(t.db, 'u-bob');
    const v = await t.call<AuditVerifyView>('audit.verify');
    expect(v.ok).toBe(false);
    expect(v.problem).toBe('keyed_mismatch');
    // The anchor is evaluated too: the renumbered log is shorter than the receipted head.
    expect(v.anchor.state).toBe('truncated');
    // Without keyed hashes (the attacker also blanked them) the anchor still catches it.
    t.db.prepare('UPDATE audit_log SET mac = NULL').run();
    t.db.prepare("UPDATE settings SET value = json_set(value, '$.since', 1000000) WHERE key = 'audit.mac_key'").run();
    const w = await t.call<AuditVerifyView>('audit.verify');
    expect(w).toMatchObject({ ok: false, problem: 'truncated', anchor: { state: 'truncated' } });
  });

  it('re-hashing in place (same length) fails as rewritten once the keyed hashes are gone too', async () => {
    const t = workstation();
    const h = head(t.db);
    dropAuditGuards(t.db);
    // The attacker replaces one user's entries with another user's, keeping the count.
    t.db.prepare("UPDATE audit_log SET actor_id = 'u-alice' WHERE actor_id = 'u-bob'").run();
    receiptedReport(t.db, 'r1', h, '2026-11-21T01:00:00.000Z');
    removeUserAndRehash(t.db, 'nobody');
    t.db.prepare('UPDATE audit_log SET mac = NULL').run();
    t.db.prepare("UPDATE settings SET value = json_set(value, '$.since', 1000000) WHERE key = 'audit.mac_key'").run();
    const v = await t.call<AuditVerifyView>('audit.verify');
    expect(v).toMatchObject({ ok: false, problem: 'rewritten', brokenAt: h.seq, anchor: { state: 'rewritten' } });
  });

  it('without the audit key, verification fails', async () => {
    const t = workstation(10);
    t.db.prepare("DELETE FROM settings WHERE key = 'audit.mac_key'").run();
    const v = await t.call<AuditVerifyView>('audit.verify');
    expect(v).toMatchObject({ ok: false, problem: 'key_missing', keyedFrom: null });
  });
});
