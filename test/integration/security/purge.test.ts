/** Retention purges: personal data goes, the non-personal signed record stays and says so. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, QueuePage } from '../../../common/api/types';
import { demoBackend } from '../../support/backend';

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
    await t.call('cases.setOutcome', { caseId: row.id, outcome: 'paid_in_full', reason: 'settled in full by bank transfer' });
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
