/** Retention purges: personal data goes, the non-personal signed record stays and says so. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, QueuePage } from '../../../common/api/types';
import { PURGE_BATCH_BORROWERS, purgeExpiredInBackground } from '../../../main/backend/services/privacy';
import { CN_DAYTIME, demoBackend } from '../../support/backend';

let t: ReturnType<typeof demoBackend>;
beforeAll(() => {
  t = demoBackend({ cases: 12, user: 'admin' });
});
afterAll(() => t.cleanup());

describe('retention purge', () => {
  it('purges a closed case’s personal data after the retention period, keeping its record', async () => {
    const page = await t.call<QueuePage>('cases.queue', { filters: { contactableNow: true }, limit: 50 });
    const row = page.rows.find((r) => r.preset === 'cn')!;
    const detail = await t.call<CaseDetail>('cases.get', { caseId: row.id });
    const mobile = detail.contactPoints.find((p) => p.kind === 'mobile')!;
    await t.call('contacts.log', { caseId: row.id, channel: 'call', contactPointId: mobile.id, result: 'connected', outcome: 'right_party', disclosureConfirmed: true, text: 'Spoke to the borrower about repayment.' });
    await t.call('cases.setOutcome', { caseId: row.id, outcome: 'unable_to_locate', reason: 'borrower cannot be traced' });
    const borrowerId = (t.db.prepare('SELECT borrower_id FROM cases WHERE id = ?').get(row.id) as { borrower_id: string }).borrower_id;
    const name = (t.db.prepare('SELECT full_name FROM borrowers WHERE id = ?').get(borrowerId) as { full_name: string }).full_name;
    const activitiesBefore = t.db.prepare('SELECT id, at, outcome, result FROM activities WHERE case_id = ? ORDER BY id').all(row.id);

    // Not yet: the placement keeps personal data for its retention period.
    expect(((await t.call<{ purged: string[] }>('privacy.purgeExpired')).purged)).not.toContain(row.id);
    t.clock.advance(731 * 86_400_000);
    const { purged } = await t.call<{ purged: string[] }>('privacy.purgeExpired');
    expect(purged).toContain(row.id);

    const b = t.db.prepare('SELECT full_name, national_id, address, purged_at FROM borrowers WHERE id = ?').get(borrowerId) as Record<string, string>;
    expect(b).toMatchObject({ full_name: '[purged]', national_id: '', address: '' });
    expect(b.purged_at).toBeTruthy();
    const values = t.db.prepare('SELECT value FROM contact_points WHERE borrower_id = ?').all(borrowerId) as { value: string }[];
    expect(values.every((v) => v.value === '[purged]')).toBe(true);
    expect(t.db.prepare("SELECT count(*) AS n FROM activities WHERE case_id = ? AND text IS NOT NULL AND text <> '[purged]'").get(row.id)).toEqual({ n: 0 });
    // The non-personal record is intact, and the chain attests the purge.
    expect(t.db.prepare('SELECT id, at, outcome, result FROM activities WHERE case_id = ? ORDER BY id').all(row.id)).toEqual(activitiesBefore);
    expect(t.db.prepare("SELECT count(*) AS n FROM chain WHERE record_type = 'purge' AND case_id = ?").get(row.id)).toEqual({ n: 1 });
    expect(JSON.stringify(t.db.prepare('SELECT * FROM case_search').all())).not.toContain(name);
    const reveal = await t.backend.dispatch('cases.reveal', { caseId: row.id, field: 'name', reason: 'checking the purge worked' });
    expect(reveal.ok || reveal.error.code).toBe('CONFLICT');
  });

  it('still refuses any other change to an activity', () => {
    expect(() => t.db.prepare("UPDATE activities SET text = 'rewritten'").run()).toThrow(/append-only/);
    expect(() => t.db.prepare("UPDATE activities SET text = '[purged]', outcome = 'x'").run()).toThrow(/append-only/);
  });
});

const DAY_MS = 86_400_000;
type Demo = ReturnType<typeof demoBackend>;

function caseOf(d: Demo, preset: string, skip = 0): { id: string; borrower_id: string; placement_id: string } {
  const row = d.db
    .prepare('SELECT c.id, c.borrower_id, c.placement_id FROM cases c JOIN placements p ON p.id = c.placement_id WHERE p.preset = ? ORDER BY c.reference LIMIT 1 OFFSET ?')
    .get(preset, skip) as { id: string; borrower_id: string; placement_id: string } | undefined;
  if (!row) throw new Error(`no ${preset} case`);
  return row;
}
const borrowerOf = (d: Demo, id: string) =>
  d.db.prepare('SELECT full_name, national_id, address, purged_at FROM borrowers WHERE id = ?').get(id) as { full_name: string; national_id: string; address: string; purged_at: string | null };
const contactValues = (d: Demo, borrowerId: string) =>
  (d.db.prepare('SELECT value FROM contact_points WHERE borrower_id = ? ORDER BY id').all(borrowerId) as { value: string }[]).map((r) => r.value);
const liveTexts = (d: Demo, caseId: string) =>
  (d.db.prepare("SELECT count(*) AS n FROM activities WHERE case_id = ? AND text IS NOT NULL AND text <> '[purged]'").get(caseId) as { n: number }).n;
const purgeNow = async (d: Demo) => (await d.call<{ purged: string[] }>('privacy.purgeExpired')).purged;

describe('retention purge follows the rule set as well as the lender', () => {
  let d: Demo;
  afterEach(() => d.cleanup());

  it('keeps a US case whose lender asks only 365 days until US-RECORDS’ 3 years have passed', async () => {
    d = demoBackend({ cases: 12, user: 'admin' });
    const c = caseOf(d, 'us-regf');
    d.db.prepare('UPDATE placements SET retention_days = 365 WHERE id = ?').run(c.placement_id);
    await d.call('cases.setOutcome', { caseId: c.id, outcome: 'unable_to_locate', reason: 'borrower cannot be traced' });
    const before = borrowerOf(d, c.borrower_id);

    // 13 months on: the lender's 365 days are over, the 3-year rule is not.
    d.clock.advance(396 * DAY_MS);
    expect(await purgeNow(d)).not.toContain(c.id);
    expect(borrowerOf(d, c.borrower_id)).toEqual(before);
    expect(contactValues(d, c.borrower_id)).not.toContain('[purged]');

    // A day short of 3 years after the last activity (the close, at CN_DAYTIME): still kept.
    expect(CN_DAYTIME).toBe('2026-11-25T03:00:00.000Z');
    d.clock.set('2029-11-24T03:00:00.000Z');
    expect(await purgeNow(d)).not.toContain(c.id);

    // 3 years after the last activity (the case's close): purged, and audited.
    d.clock.set('2029-11-25T03:00:00.000Z');
    expect(await purgeNow(d)).toContain(c.id);
    expect(borrowerOf(d, c.borrower_id)).toMatchObject({ full_name: '[purged]', national_id: '', address: '' });
    expect(contactValues(d, c.borrower_id).every((v) => v === '[purged]')).toBe(true);
    expect(d.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'privacy.purge' AND object_id = ?").get(c.id)).toEqual({ n: 1 });
  });

  it('keeps a borrower’s name and contact points while another of their closed cases is still retained', async () => {
    d = demoBackend({ cases: 12, user: 'admin' });
    const a = caseOf(d, 'cn', 0);
    const b = caseOf(d, 'cn', 1);
    // The same person placed twice.
    d.db.prepare('UPDATE cases SET borrower_id = ? WHERE id = ?').run(a.borrower_id, b.id);
    await d.call('cases.setOutcome', { caseId: a.id, outcome: 'unable_to_locate', reason: 'borrower cannot be traced' });
    d.clock.advance(200 * DAY_MS);
    await d.call('cases.setOutcome', { caseId: b.id, outcome: 'unable_to_locate', reason: 'borrower cannot be traced' });
    const person = borrowerOf(d, a.borrower_id);
    const contacts = contactValues(d, a.borrower_id);
    const textsOfA = liveTexts(d, a.id);

    // Case A's retention is over (730 days and CN-RECORDS' 2 years); case B's is not.
    d.clock.advance(540 * DAY_MS);
    const early = await purgeNow(d);
    expect(early).not.toContain(a.id);
    expect(early).not.toContain(b.id);
    expect(borrowerOf(d, a.borrower_id)).toEqual(person);
    expect(contactValues(d, a.borrower_id)).toEqual(contacts);
    // The borrower is the unit: A's free text waits with them.
    expect(liveTexts(d, a.id)).toBe(textsOfA);

    // Once B's retention is over too, both cases and the borrower go together.
    d.clock.advance(200 * DAY_MS);
    const late = await purgeNow(d);
    expect(late).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(borrowerOf(d, a.borrower_id).full_name).toBe('[purged]');
    expect(contactValues(d, a.borrower_id).every((v) => v === '[purged]')).toBe(true);
    expect(liveTexts(d, a.id)).toBe(0);
    expect(liveTexts(d, b.id)).toBe(0);
    for (const id of [a.id, b.id]) {
      expect(d.db.prepare("SELECT count(*) AS n FROM chain WHERE record_type = 'purge' AND case_id = ?").get(id)).toEqual({ n: 1 });
      expect(d.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'privacy.purge' AND object_id = ?").get(id)).toEqual({ n: 1 });
    }
    expect(await purgeNow(d)).toEqual([]);
  });

  it('purges in batches of borrowers; in the background it stops between batches when asked', async () => {
    const n = PURGE_BATCH_BORROWERS + 40;
    d = demoBackend({ cases: n, user: 'admin' });
    d.db.prepare("UPDATE cases SET status = 'closed', outcome = 'paid_in_full', outcome_reason = 'settled', updated_at = ?").run(CN_DAYTIME);
    d.clock.advance(3 * 366 * DAY_MS);

    let batches = 0;
    const first = await purgeExpiredInBackground(d.backend.app, null, () => batches++ >= 1);
    expect(first.purged).toHaveLength(PURGE_BATCH_BORROWERS);
    expect(d.db.prepare('SELECT count(*) AS n FROM borrowers WHERE purged_at IS NOT NULL').get()).toEqual({ n: PURGE_BATCH_BORROWERS });

    const rest = await purgeExpiredInBackground(d.backend.app, null, () => false);
    expect(rest.purged).toHaveLength(n - PURGE_BATCH_BORROWERS);
    expect(new Set([...first.purged, ...rest.purged]).size).toBe(n);
    expect(d.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'privacy.purge'").get()).toEqual({ n });
    expect(d.db.prepare("SELECT count(*) AS n FROM chain WHERE record_type = 'purge'").get()).toEqual({ n });
    expect(d.db.prepare("SELECT count(*) AS n FROM borrowers b WHERE purged_at IS NULL AND EXISTS (SELECT 1 FROM cases c WHERE c.borrower_id = b.id)").get()).toEqual({ n: 0 });
  });
});
