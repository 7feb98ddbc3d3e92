/**
 * The dashboard believes no edited row unflagged (issue 15, item 6): an activity turned from
 * no_answer into connected in the database file (under the dropped trigger, as someone holding the
 * file would) raises the rows' right-party count, but its chain record still says no_answer, and
 * the dashboard says so: the mismatch is counted and the row named. Likewise a payment's amount.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardView } from '../../../common/api/types-supervisor';
import { demoBackend } from '../../support/backend';

let t: ReturnType<typeof demoBackend>;
/** The demo's own history: the days before "now". */
const PERIOD = { from: '2026-10-01', to: '2026-11-25' };

beforeAll(() => {
  t = demoBackend({ cases: 60 });
});
afterAll(() => t.cleanup());

const dashboard = () => t.call<DashboardView>('supervisor.dashboard', PERIOD);

describe('dashboard figures checked against the chain', () => {
  it('untouched demo rows all match their chain records', async () => {
    const d = await dashboard();
    expect(d.integrity).toMatchObject({ checkedAgainst: 'chain', mismatches: 0, examples: [] });
    expect(d.integrity?.activitiesChecked).toBeGreaterThan(50);
    expect(d.integrity?.paymentsChecked).toBeGreaterThan(0);
  });

  it("UPDATE activities SET result = 'connected' on a no_answer row is flagged with the row's id", async () => {
    const row = t.db
      .prepare("SELECT a.id, a.case_id FROM activities a WHERE a.result = 'no_answer' AND a.party = 'borrower' AND a.at >= '2026-10-01' ORDER BY a.at DESC LIMIT 1")
      .get() as { id: string; case_id: string };
    const before = await dashboard();
    t.db.exec('DROP TRIGGER activities_no_update');
    t.db.prepare("UPDATE activities SET result = 'connected' WHERE id = ?").run(row.id);
    const after = await dashboard();
    // The rows' count went up by one; the check names the row whose record does not back it.
    expect(after.team.rightPartyContacts).toBe(before.team.rightPartyContacts + 1);
    expect(after.integrity).toMatchObject({ mismatches: 1, examples: [{ kind: 'activity', id: row.id, caseId: row.case_id, problem: 'differs' }] });
  });

  it('a payment whose amount was raised, and one with no chain record, are flagged', async () => {
    const p = t.db.prepare("SELECT id, case_id FROM payments WHERE paid_on >= '2026-10-01' ORDER BY id LIMIT 1").get() as { id: string; case_id: string };
    t.db.exec('DROP TRIGGER payments_no_update');
    t.db.prepare('UPDATE payments SET amount_minor = amount_minor * 10 WHERE id = ?').run(p.id);
    t.db
      .prepare(
        `INSERT INTO payments (id, case_id, amount_minor, currency, paid_on, source, reference, created_at)
         SELECT 'forged-payment', case_id, 500000, currency, paid_on, 'agency', 'FORGED-1', created_at FROM payments WHERE id = ?`,
      )
      .run(p.id);
    const d = await dashboard();
    expect(d.integrity?.mismatches).toBe(3);
    expect(d.integrity?.examples).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'payment', id: p.id, problem: 'differs' }),
        expect.objectContaining({ kind: 'payment', id: 'forged-payment', problem: 'unrecorded' }),
      ]),
    );
  });
});
