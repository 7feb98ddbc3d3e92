/** The supervisor's floor through the backend's one door: collector filter and column, bulk reassignment, override cards. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../common/api/result';
import type { OverrideView, QueuePage, ReassignManyResult } from '../../../common/api/types';
import { demoBackend } from '../../support/backend';

let t: ReturnType<typeof demoBackend>;
beforeAll(() => {
  t = demoBackend({ cases: 120 });
});
afterAll(() => t.cleanup());

const userId = (username: string) => (t.db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string }).id;
const holding = (id: string, statuses = "('open','promise','plan','recalled')") =>
  (t.db.prepare(`SELECT id FROM cases WHERE assignee_id = ? AND status IN ${statuses} ORDER BY reference`).all(id) as { id: string }[]).map((r) => r.id);

describe('the queue’s collector column and filter', () => {
  it('shows who holds each case, and narrows to one collector’s cases', async () => {
    const zhang = userId('zhang.wei');
    const all = await t.call<QueuePage>('cases.queue', { limit: 500 });
    expect(all.rows.every((r) => typeof r.assigneeId === 'string')).toBe(true);
    const page = await t.call<QueuePage>('cases.queue', { limit: 500, filters: { assigneeId: zhang } });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.assigneeId === zhang)).toBe(true);
    expect(page.total).toBe(holding(zhang).length);
  });

  it('a collector naming another collector sees nothing of theirs', async () => {
    const li = t.as('li.na');
    const r = (await li.dispatch('cases.queue', { filters: { assigneeId: userId('zhang.wei') } })) as Result<QueuePage>;
    li.close();
    expect(r).toMatchObject({ ok: true, value: { total: 0, rows: [] } });
  });
});

describe('bulk reassignment', () => {
  it('a dry run counts the shares and moves nothing; the run moves every open case in turn, audited per case; closed cases stay', async () => {
    const from = userId('chen.jie');
    const to = [userId('li.na'), userId('liu.yang')];
    const closedId = holding(from)[0]!;
    t.db.prepare("UPDATE cases SET status = 'closed', outcome = 'paid_in_full' WHERE id = ?").run(closedId);
    const open = holding(from);
    expect(open.length).toBeGreaterThan(2);

    const dry = await t.call<ReassignManyResult>('cases.reassignMany', { fromAssigneeId: from, toAssigneeIds: to, dryRun: true });
    expect(dry).toMatchObject({ matched: open.length, moved: 0 });
    expect(dry.shares.map((s) => s.count).reduce((a, b) => a + b, 0)).toBe(open.length);
    expect(Math.abs(dry.shares[0]!.count - dry.shares[1]!.count)).toBeLessThanOrEqual(1);
    expect(holding(from)).toEqual(open);

    const auditBefore = (t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.reassign'").get() as { n: number }).n;
    const done = await t.call<ReassignManyResult>('cases.reassignMany', { fromAssigneeId: from, toAssigneeIds: to });
    expect(done).toMatchObject({ matched: open.length, moved: open.length, shares: dry.shares });
    expect(holding(from)).toEqual([]);
    expect(holding(from, "('closed')")).toEqual([closedId]);
    for (const id of open) {
      const a = t.db.prepare('SELECT assignee_id FROM cases WHERE id = ?').get(id) as { assignee_id: string };
      expect(to).toContain(a.assignee_id);
    }
    const auditAfter = (t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.reassign'").get() as { n: number }).n;
    expect(auditAfter - auditBefore).toBe(open.length);
  });

  it('refuses a target outside the team, the holder as target, and a collector calling it', async () => {
    const from = userId('zhang.wei');
    const bad = await t.backend.dispatch('cases.reassignMany', { fromAssigneeId: from, toAssigneeIds: [userId('admin')] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: { key: 'reassign.notACollector' } } });
    const same = await t.backend.dispatch('cases.reassignMany', { fromAssigneeId: from, toAssigneeIds: [from] });
    expect(same).toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: { key: 'reassign.sameCollector' } } });
    const collector = t.as('zhang.wei');
    const r = await collector.dispatch('cases.reassignMany', { fromAssigneeId: from, toAssigneeIds: [userId('li.na')] });
    collector.close();
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(holding(from).length).toBeGreaterThan(0);
  });
});

describe('override cards', () => {
  it('name each rule once, with the engine’s explanations and the action', async () => {
    const list = await t.call<OverrideView[]>('overrides.list', { status: 'all' });
    expect(list.length).toBeGreaterThan(0);
    for (const o of list) {
      expect(new Set(o.rules).size).toBe(o.rules.length);
      expect(o.reasons?.map((r) => r.rule)).toEqual(o.rules);
      for (const r of o.reasons ?? []) {
        expect(r.messages.length).toBeGreaterThan(0);
        for (const m of r.messages) expect(m.en.length).toBeGreaterThan(0);
      }
      expect(o.action).toEqual({ channel: 'letter', party: 'borrower' });
    }
  });
});
