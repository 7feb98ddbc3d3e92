/** Callbacks through the real backend with a controllable clock (issue 14, item 2). */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, QueuePage } from '../../../common/api/types';
import type { CallbackView, NextCaseResult } from '../../../common/api/types-dayloop';
import type { WorklistRow } from '../../../common/api/methods/callbacks';
import { demoBackend } from '../../support/backend';

const UK_US_DAYTIME = '2026-11-25T15:00:00.000Z'; // 15:00 London

let t: ReturnType<typeof demoBackend>;
beforeAll(() => {
  t = demoBackend({ cases: 120, now: UK_US_DAYTIME, user: 'zhang.wei' });
});
afterAll(() => t.cleanup());

async function ukCase(skip: string[] = []): Promise<CaseDetail> {
  const page = await t.call<QueuePage>('cases.queue', { filters: { contactableNow: true }, limit: 500 });
  const row = page.rows.find((r) => r.preset === 'uk-conc' && !skip.includes(r.id) && !Object.values(r.flags).some(Boolean));
  if (!row) throw new Error('no contactable UK case for zhang.wei');
  return t.call<CaseDetail>('cases.get', { caseId: row.id });
}

const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });

describe('callbacks', () => {
  it('one set 15 minutes ahead is not due, then is due once the clock reaches it, and comes first in `n`', async () => {
    const c = await ukCase();
    const at = london(t.clock.now().toISOString()).plus({ minutes: 15 });
    const cb = await t.call<CallbackView>('callbacks.schedule', {
      caseId: c.id, date: at.toISODate(), time: at.toFormat('HH:mm'), zone: 'Europe/London', note: 'asked to call after lunch', source: 'contact',
    });
    expect(cb.status).toBe('due');
    expect(cb.dueNow).toBe(false);
    expect(cb.dueAt).toBe(at.startOf('minute').toUTC().toISO());
    expect(await t.call<CallbackView[]>('callbacks.list', { dueNow: true })).toEqual([]);
    const phone = c.contactPoints.find((p) => p.party === 'borrower' && (p.kind === 'mobile' || p.kind === 'phone') && !p.invalid);
    await t.call('contacts.log', { caseId: c.id, channel: 'call', contactPointId: phone?.id ?? null, result: 'no_answer', outcome: 'no_answer' });

    t.clock.advance(14 * 60_000); // one minute before
    expect(await t.call<CallbackView[]>('callbacks.list', { dueNow: true })).toEqual([]);
    t.clock.advance(60_000); // the minute it is due
    const due = await t.call<CallbackView[]>('callbacks.list', { dueNow: true });
    expect(due.map((x) => x.id)).toEqual([cb.id]);
    expect(due[0]!.dueNow).toBe(true);
    const wl = await t.call<WorklistRow[]>('callbacks.worklist', { kind: 'callbacks_due' });
    expect(wl.map((r) => r.caseId)).toEqual([c.id]);
    expect(wl[0]!.borrowerName).toContain('*');

    // The case was attempted 15 minutes ago — it would rest (no answer: 4 h) — but the borrower asked for this time.
    const next = await t.call<NextCaseResult>('cases.next', {});
    expect(next).toMatchObject({ caseId: c.id, kind: 'callback_due', reason: { key: 'next.callbackDue' } });

    const done = await t.call<CallbackView>('callbacks.complete', { callbackId: cb.id });
    expect(done.status).toBe('done');
    const again = await t.backend.dispatch('callbacks.complete', { callbackId: cb.id });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ code: 'CONFLICT', reason: { key: 'callbacks.alreadyClosed' } });
    const audited = t.db.prepare("SELECT action FROM audit_log WHERE object_id = ? ORDER BY seq").all(cb.id) as { action: string }[];
    expect(audited.map((a) => a.action)).toEqual(['callback.schedule', 'callback.complete']);
  });

  it('refuses a time outside lawful hours in the borrower’s zone, naming the rule', async () => {
    const c = await ukCase();
    const tomorrow = london(t.clock.now().toISOString()).plus({ days: 1 }).toISODate();
    const r = await t.backend.dispatch('callbacks.schedule', { caseId: c.id, date: tomorrow, time: '22:30', zone: 'Europe/London' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('GUARDRAIL_BLOCKED');
    expect(r.error.reason?.key).toBe('callbacks.unlawfulTime');
    expect(String(r.error.reason?.params?.rules)).toMatch(/UK-HOURS/);
    const ok = await t.call<CallbackView>('callbacks.schedule', { caseId: c.id, date: tomorrow, time: '10:30' });
    expect(ok.zone).toBe(c.borrower.timezones[0] ?? c.placement.defaultTimezone);
    await t.call('callbacks.cancel', { callbackId: ok.id });
  });

  it('refuses a past time and a wall time skipped by a clock change', async () => {
    const c = await ukCase();
    const now = london(t.clock.now().toISOString()).minus({ minutes: 1 });
    const past = await t.backend.dispatch('callbacks.schedule', { caseId: c.id, date: now.toISODate(), time: now.toFormat('HH:mm'), zone: 'Europe/London' });
    expect(!past.ok && past.error.reason?.key).toBe('callbacks.inPast');
    // 2027-03-28 01:30 does not exist in London (clocks go from 01:00 to 02:00); checked before the 90-day limit.
    const gap = await t.backend.dispatch('callbacks.schedule', { caseId: c.id, date: '2027-03-28', time: '01:30', zone: 'Europe/London' });
    expect(!gap.ok && gap.error.code).toBe('VALIDATION');
    expect(!gap.ok && gap.error.reason?.key).toBe('callbacks.noSuchTime');
    const far = await t.backend.dispatch('callbacks.schedule', { caseId: c.id, date: '2027-03-29', time: '10:00', zone: 'Europe/London' });
    expect(!far.ok && far.error.reason?.key).toBe('callbacks.tooFar');
  });

  it('worklists: a promise due today, then broken the next day; untouched cases; `n` serves promises before the queue', async () => {
    const c = await ukCase();
    const phone = c.contactPoints.find((p) => p.party === 'borrower' && (p.kind === 'mobile' || p.kind === 'phone') && !p.invalid);
    const today = london(t.clock.now().toISOString()).toISODate()!;
    await t.call('contacts.log', {
      caseId: c.id, channel: 'call', contactPointId: phone?.id ?? null, result: 'connected', outcome: 'promise_to_pay',
      identityVerified: true, promise: { amountMinor: 5_000, dueDate: today },
    });
    const dueToday = await t.call<WorklistRow[]>('callbacks.worklist', { kind: 'promises_today' });
    expect(dueToday.map((r) => r.caseId)).toContain(c.id);
    expect((await t.call<WorklistRow[]>('callbacks.worklist', { kind: 'broken_promises' })).map((r) => r.caseId)).not.toContain(c.id);
    const untouched = await t.call<WorklistRow[]>('callbacks.worklist', { kind: 'untouched', days: 1, limit: 500 });
    expect(untouched.map((r) => r.caseId)).not.toContain(c.id); // contacted just now

    t.clock.advance(24 * 60 * 60_000);
    const broken = await t.call<WorklistRow[]>('callbacks.worklist', { kind: 'broken_promises' });
    expect(broken.map((r) => r.caseId)).toContain(c.id);
    const next = await t.call<NextCaseResult>('cases.next', {});
    expect(['promise_due', 'installment_due', 'promise_broken', 'installment_broken']).toContain(next.kind);
  });
});
