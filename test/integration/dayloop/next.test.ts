/** The work loop through the real backend: `cases.next` moves on after an attempt (issue 14, item 1). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../common/api/types';
import type { NextCaseResult } from '../../../common/api/types-dayloop';
import { demoBackend } from '../../support/backend';

// 15:00 in London, 10:00 in New York, 23:00 in Shanghai: UK and US cases are lawful, CN ones are not.
const UK_US_DAYTIME = '2026-11-25T15:00:00.000Z';

let t: ReturnType<typeof demoBackend>;
beforeAll(() => {
  t = demoBackend({ cases: 150, now: UK_US_DAYTIME, user: 'zhang.wei' });
});
afterAll(() => t.cleanup());

async function noAnswer(caseId: string): Promise<void> {
  const c = await t.call<CaseDetail>('cases.get', { caseId });
  const phone = c.contactPoints.find((p) => p.party === 'borrower' && (p.kind === 'mobile' || p.kind === 'phone') && !p.invalid);
  await t.call('contacts.log', { caseId, channel: 'call', contactPointId: phone?.id ?? null, result: 'no_answer', outcome: 'no_answer' });
}

describe('cases.next', () => {
  it('after a "no answer" on the case it gave, gives another case (five times over)', async () => {
    const served: string[] = [];
    for (let i = 0; i < 5; i++) {
      const next = await t.call<NextCaseResult>('cases.next', {});
      expect(next.caseId, `round ${i}: ${next.reason.key}`).not.toBeNull();
      expect(served).not.toContain(next.caseId);
      expect(next.reason.key).toMatch(/^next\./);
      expect(next.reason.params.reference).toBe(next.reference);
      served.push(next.caseId!);
      await noAnswer(next.caseId!);
    }
  });

  it('serves the attempted case again once its retry interval has passed', async () => {
    const first = await t.call<NextCaseResult>('cases.next', {});
    await noAnswer(first.caseId!);
    const rested = t.db.prepare('SELECT count(*) AS n FROM activities WHERE case_id = ?').get(first.caseId) as { n: number };
    expect(rested.n).toBeGreaterThan(0);
    // Every case the collector may work is attempted now, or rests: walk the clock and the attempted ones return.
    t.clock.advance(5 * 60 * 60_000); // 20:00 London: past every no-answer interval (4 h at most), still lawful in the UK
    const ids = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const n = await t.call<NextCaseResult>('cases.next', {});
      if (!n.caseId) break;
      ids.add(n.caseId);
      if (n.caseId === first.caseId) break;
      await noAnswer(n.caseId);
    }
    expect(ids.has(first.caseId!)).toBe(true);
  });

  it('a case another user has open is skipped until the claim expires; one’s own open case is not', async () => {
    const boss = t.as('wang.fang');
    const next = async (): Promise<NextCaseResult> => {
      const r = await boss.dispatch('cases.next', {});
      if (!r.ok) throw new Error(r.error.message);
      return r.value as NextCaseResult;
    };
    try {
      const top = await next();
      expect(top.caseId).not.toBeNull();
      expect((await next()).caseId).toBe(top.caseId); // her own claim does not hide it from her
      const holder = t.db.prepare('SELECT u.username FROM cases c JOIN users u ON u.id = c.assignee_id WHERE c.id = ?').get(top.caseId) as { username: string };
      const collector = t.as(holder.username);
      try {
        const opened = await collector.dispatch('cases.get', { caseId: top.caseId });
        expect(opened.ok).toBe(true);
      } finally {
        collector.close();
      }
      const meanwhile = await next();
      expect(meanwhile.caseId).not.toBe(top.caseId);
      t.clock.advance(15 * 60_000 + 1_000); // the collector's claim (15 minutes) and hers on `meanwhile` lapse
      expect((await next()).caseId).toBe(top.caseId);
    } finally {
      boss.close();
    }
  });
});
