/**
 * `casedesk audit verify --db FILE` for auditors (issue 15, item 8): the verdict of audit.verify,
 * worded as the audit screen words it, exit 1 when the log fails — here after its last 40 entries
 * were deleted past a receipted head — and on an encrypted workstation with --passphrase-file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerifyView } from '../../../common/domain/audit/verdict';
import { runCli } from '../../../main/cli/main';
import { tempDir } from '../../support/backend';
import { cliIo as io } from '../../support/cli';

let dir: string;
const files: string[] = [];
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  files.forEach((f) => fs.rmSync(f, { force: true }));
});

async function demo(name: string, extra: string[] = []): Promise<string> {
  const db = path.join(dir, name, 'casedesk.sqlite');
  fs.mkdirSync(path.dirname(db));
  const s = io();
  expect(await runCli(['demo', '--db', db, '--cases', '20', ...extra], s.io), s.err()).toBe(0);
  return db;
}

async function verify(args: string[]) {
  const s = io();
  const code = await runCli(['audit', 'verify', ...args], s.io);
  return { code, out: s.out(), err: s.err() };
}

/** With a plain client, as an attacker (or this test) would: a receipted report anchoring the head, then the tail cut. */
function anchorAndTruncate(file: string, cut: number): void {
  const db = new Database(file);
  try {
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    const placement = (db.prepare('SELECT id FROM placements LIMIT 1').get() as { id: string }).id;
    db.prepare(
      `INSERT INTO reports (id, placement_id, seq, period_from, period_to, created_at, canonical, signature_b64, chain_head, links_in_chain)
       VALUES ('r1', ?, 1, '2026-11-01', '2026-11-25', '2026-11-25T03:00:00.000Z', ?, 'c2ln', 'head', 1)`,
    ).run(placement, JSON.stringify({ auditHead: head, links: [] }));
    db.prepare("INSERT INTO report_receipts (report_id, received_at, receipt_json) VALUES ('r1', '2026-11-25T04:00:00.000Z', '{}')").run();
    // More entries than the cut, so the cut ends inside the log.
    const extra = db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
    expect(extra.n).toBeGreaterThan(cut);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq > ?').run(head.seq - cut);
  } finally {
    db.close();
  }
}

describe('casedesk audit verify', () => {
  it('a fresh demo verifies: exit 0, intact, no anchor yet', async () => {
    const file = await demo('fresh', ['--plain']);
    const r = await verify(['--db', file]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Audit log intact: \d+ entries\./);
    expect(r.out).toContain('No anchor yet');
    const zh = await verify(['--db', file, '--lang', 'zh-CN']);
    expect(zh.out).toMatch(/^审计日志完好/);
  });

  it('the last 40 entries deleted after a receipted head: exit 1, truncated', async () => {
    const file = await demo('cut', ['--plain']);
    // The demo writes a handful of audit entries; add enough through the app's own path first.
    const s = io();
    for (let i = 0; i < 3; i++) expect(await runCli(['db', 'time-zone', '--data-dir', path.dirname(file), '--set', i % 2 ? 'UTC' : 'Asia/Shanghai'], s.io), s.err()).toBe(0);
    const n = (() => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      } finally {
        db.close();
      }
    })();
    const cut = Math.min(40, n - 1);
    anchorAndTruncate(file, cut);
    const r = await verify(['--db', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Audit log verification FAILED.');
    expect(r.out).toContain('truncated');
    const j = await verify(['--db', file, '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out) as AuditVerifyView).toMatchObject({ ok: false, problem: 'truncated', anchor: { state: 'truncated', reportId: 'r1' } });
  });

  it('opens an encrypted workstation with --passphrase-file, and refuses without it (exit 2)', async () => {
    const passFile = path.join(path.dirname(dir), `${path.basename(dir)}-audit-pass.txt`);
    files.push(passFile);
    fs.writeFileSync(passFile, 'a long enough passphrase\n', { mode: 0o600 });
    const file = await demo('encrypted', ['--passphrase-file', passFile]);
    const r = await verify(['--db', file, '--passphrase-file', passFile]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Audit log intact/);
    const saved = process.env.CASEDESK_PASSPHRASE_FILE;
    delete process.env.CASEDESK_PASSPHRASE_FILE;
    try {
      const refused = await verify(['--db', file]);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/passphrase-file/);
    } finally {
      if (saved !== undefined) process.env.CASEDESK_PASSPHRASE_FILE = saved;
    }
  });

  it('usage mistakes exit 2', async () => {
    expect((await verify([])).code).toBe(2);
    expect((await verify(['--db', path.join(dir, 'nope.sqlite')])).code).toBe(2);
    expect((await verify(['--db', 'x', '--lang', 'fr'])).code).toBe(2);
  });
});
