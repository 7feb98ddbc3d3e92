/**
 * supervisor.dashboard against hand-counted rows: a demo agency (whose own history lies in May and
 * June 2027) plus rows inserted for March 2027 and just outside it, counted by hand below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectorFigures, DashboardView, TeamMember } from '../../../common/api/types-supervisor';
import { REPORTING_SQL } from '../../../db/repos/reporting';
import { periodParams } from '../../../main/backend/services/report-figures';
import { AGENCY_TIME_ZONE_KEY } from '../../../main/backend/services/agency-zone';
import { settingsRepo } from '../../../db/repos/settings';
import { demoBackend } from '../../support/backend';
import { caseOf, insertActivity, insertComplaint, insertDecision, insertOverride, insertPayment, insertPromise, placementId, userId } from './fixtures';

const NOW = '2027-06-15T03:00:00.000Z';
const MARCH = { from: '2027-03-01', to: '2027-03-31' };
let t: ReturnType<typeof demoBackend>;
let ids: { A: string; B: string; CN: string; US: string };

beforeAll(() => {
  t = demoBackend({ cases: 120, now: NOW });
  const db = t.db;
  const A = userId(db, 'zhang.wei');
  const B = userId(db, 'li.na');
  ids = { A, B, CN: placementId(db, 'CN-2026-Q4'), US: placementId(db, 'US-2026-11') };
  // The hand counts below are of UTC days; 'agency days' checks other zones.
  settingsRepo.set(db, AGENCY_TIME_ZONE_KEY, 'UTC');
  const a1 = caseOf(db, 'zhang.wei', 'CN-2026-Q4');
  const a2 = caseOf(db, 'zhang.wei', 'US-2026-11');
  const b1 = caseOf(db, 'li.na', 'US-2026-11');
  db.transaction(() => {
    // A on a1 (CN): 5 calls (3 borrower connected, 1 third party connected, 1 no answer), 2 SMS,
    // a note and an inbound borrower call: attempts 7, right-party contacts 3 + 1 inbound = 4.
    for (let i = 0; i < 3; i++) insertActivity(db, a1, A, { at: `2027-03-0${i + 2}T02:00:00.000Z`, result: 'connected' });
    insertActivity(db, a1, A, { at: '2027-03-05T02:00:00.000Z', result: 'connected', party: 'third_party' });
    insertActivity(db, a1, A, { at: '2027-03-06T02:00:00.000Z', result: 'no_answer' });
    insertActivity(db, a1, A, { at: '2027-03-07T02:00:00.000Z', channel: 'sms', result: 'sent' });
    insertActivity(db, a1, A, { at: '2027-03-08T02:00:00.000Z', channel: 'sms', result: 'sent' });
    insertActivity(db, a1, A, { at: '2027-03-09T02:00:00.000Z', channel: 'note', result: 'sent' });
    insertActivity(db, a1, A, { at: '2027-03-10T02:00:00.000Z', direction: 'inbound', result: 'connected' });
    // Just outside the period on both sides: not counted.
    insertActivity(db, a1, A, { at: '2027-02-28T23:59:59.999Z', result: 'connected' });
    insertActivity(db, a1, A, { at: '2027-04-01T00:00:00.000Z', result: 'connected' });
    // A on a2 (US): one letter.
    insertActivity(db, a2, A, { at: '2027-03-31T23:59:59.999Z', channel: 'letter', result: 'sent' });
    // B on b1 (US): 4 emails, 1 visit that reached the borrower: attempts 5, RPC 1.
    for (let i = 0; i < 4; i++) insertActivity(db, b1, B, { at: `2027-03-1${i}T15:00:00.000Z`, channel: 'email', result: 'sent' });
    insertActivity(db, b1, B, { at: '2027-03-20T15:00:00.000Z', channel: 'visit', result: 'connected' });

    // Promises. A: made 2 in March (one kept, due in March; one open, due in April); one made in
    // February, due and broken in March. B: one made in March, cancelled.
    insertPromise(db, a1, A, '2027-03-02T02:05:00.000Z', '2027-03-10', 'kept');
    insertPromise(db, a1, A, '2027-03-05T02:05:00.000Z', '2027-04-15', 'open');
    insertPromise(db, a1, A, '2027-02-20T02:05:00.000Z', '2027-03-03', 'broken');
    insertPromise(db, b1, B, '2027-03-06T15:05:00.000Z', '2027-03-20', 'cancelled');

    // Payments: a1 ¥1,000.00 then a ¥200.00 reversal in March, and one on 1 April (not counted);
    // b1 $250.50 on the last day of March.
    insertPayment(db, a1, 100_000, '2027-03-10');
    insertPayment(db, a1, -20_000, '2027-03-11');
    insertPayment(db, a1, 99_900, '2027-04-01');
    insertPayment(db, b1, 25_050, '2027-03-31');

    // Guardrails: A 2 warnings, 1 block (and an allow); B 1 block; one A warning in February.
    const w1 = insertDecision(db, a1, A, '2027-03-04T02:00:00.000Z', 'warn');
    const w2 = insertDecision(db, a1, A, '2027-03-05T02:00:00.000Z', 'warn');
    insertDecision(db, a1, A, '2027-03-06T02:00:00.000Z', 'block');
    insertDecision(db, a1, A, '2027-03-06T03:00:00.000Z', 'allow');
    insertDecision(db, b1, B, '2027-03-21T15:00:00.000Z', 'block');
    insertDecision(db, a1, A, '2027-02-15T02:00:00.000Z', 'warn');
    // Overrides: A asked twice in March, one approved.
    insertOverride(db, a1, w1, A, '2027-03-04T02:01:00.000Z', 'approved');
    insertOverride(db, a1, w2, A, '2027-03-05T02:01:00.000Z', 'pending');

    // Complaints (now = 15 June): on a1 one open past its 18 March deadline and one responded
    // with a July deadline; on b1 one from February (resolved) and one opened and resolved in March.
    insertComplaint(db, a1, A, '2027-03-03T02:00:00.000Z', '2027-03-18T02:00:00.000Z', 'open');
    insertComplaint(db, a1, A, '2027-03-04T02:00:00.000Z', '2027-07-01T02:00:00.000Z', 'responded');
    insertComplaint(db, b1, B, '2027-02-10T02:00:00.000Z', '2027-02-25T02:00:00.000Z', 'resolved');
    insertComplaint(db, b1, B, '2027-03-15T02:00:00.000Z', '2027-04-14T02:00:00.000Z', 'resolved');
  })();
});
afterAll(() => t.cleanup());

const row = (d: DashboardView, username: string): CollectorFigures => {
  const r = d.collectors.find((c) => c.collector.username === username);
  if (!r) throw new Error(`no row for ${username}`);
  return r;
};

describe('supervisor.dashboard', () => {
  it('counts each collector’s month by hand', async () => {
    const d = await t.call<DashboardView>('supervisor.dashboard', MARCH);
    expect(d).toMatchObject({ source: 'local', asOf: NOW, period: MARCH, placementId: null });
    const a = row(d, 'zhang.wei');
    expect(a.attemptsByChannel).toEqual({ call: 5, sms: 2, email: 0, letter: 1, visit: 0 });
    expect(a.attempts).toBe(8);
    expect(a.rightPartyContacts).toBe(4);
    expect(a.rightPartyRate).toBeCloseTo(4 / 8);
    expect(a.promisesMade).toBe(2);
    expect(a.promiseRate).toBeCloseTo(2 / 4);
    expect([a.promisesDue, a.promisesKept, a.promiseKeptRate]).toEqual([2, 1, 0.5]);
    expect(a.collected).toEqual([{ currency: 'CNY', minor: 80_000 }]);
    expect(a.guardrail).toEqual({ warnings: 2, blocks: 1, overridesRequested: 2, overridesApproved: 1 });
    expect(a.complaints).toEqual({ opened: 2, open: 2, overdue: 1 });

    const b = row(d, 'li.na');
    expect(b.attemptsByChannel).toEqual({ call: 0, sms: 0, email: 4, letter: 0, visit: 1 });
    expect([b.attempts, b.rightPartyContacts, b.promisesMade, b.promiseRate, b.promisesDue, b.promiseKeptRate]).toEqual([5, 1, 1, 1, 0, null]);
    expect(b.collected).toEqual([{ currency: 'USD', minor: 25_050 }]);
    expect(b.guardrail).toEqual({ warnings: 0, blocks: 1, overridesRequested: 0, overridesApproved: 0 });
    expect(b.complaints).toEqual({ opened: 1, open: 0, overdue: 0 });
  });

  it('lists all eight collectors of the team (idle ones with zeros), not the supervisor', async () => {
    const d = await t.call<DashboardView>('supervisor.dashboard', MARCH);
    expect(d.collectors.map((c) => c.collector.username)).toEqual(
      ['alex.brown', 'chen.jie', 'emma.jones', 'li.na', 'liu.yang', 'olivia.clark', 'sam.taylor', 'zhang.wei'],
    );
    const idle = row(d, 'emma.jones');
    expect([idle.attempts, idle.rightPartyRate, idle.promiseRate, idle.promiseKeptRate, idle.collected]).toEqual([0, null, null, null, []]);
  });

  it('sums per placement, against the placement target, and for the team', async () => {
    const d = await t.call<DashboardView>('supervisor.dashboard', MARCH);
    const cn = d.placements.find((p) => p.placement.code === 'CN-2026-Q4');
    const us = d.placements.find((p) => p.placement.code === 'US-2026-11');
    expect(cn).toMatchObject({ attempts: 7, rightPartyContacts: 4, promisesMade: 2, collectedMinor: 80_000, targetMinor: 1_800_000_00 });
    expect(cn?.targetProgress).toBeCloseTo(80_000 / 1_800_000_00);
    expect(us).toMatchObject({ attempts: 6, rightPartyContacts: 1, promisesMade: 1, collectedMinor: 25_050, targetMinor: 450_000_00 });
    expect(d.placements.map((p) => p.placement.code)).toEqual(['CN-2026-Q4', 'UK-2026-11', 'US-2026-11']);
    expect(d.team).toMatchObject({ attempts: 13, rightPartyContacts: 5, promisesMade: 3, promisesDue: 2, promisesKept: 1 });
    expect(d.team.collected).toEqual([{ currency: 'CNY', minor: 80_000 }, { currency: 'USD', minor: 25_050 }]);
    expect(d.team.guardrail).toEqual({ warnings: 2, blocks: 2, overridesRequested: 2, overridesApproved: 1 });
  });

  it('filters to one placement', async () => {
    const d = await t.call<DashboardView>('supervisor.dashboard', { ...MARCH, placementId: ids.CN });
    expect(d.placementId).toBe(ids.CN);
    expect(d.placements.map((p) => p.placement.code)).toEqual(['CN-2026-Q4']);
    expect(row(d, 'zhang.wei')).toMatchObject({ attempts: 7, rightPartyContacts: 4 });
    expect(row(d, 'li.na')).toMatchObject({ attempts: 0, collected: [] });
  });

  it('counts the demo’s own history in its period (nothing of March leaks into May–June)', async () => {
    const d = await t.call<DashboardView>('supervisor.dashboard', { from: '2027-05-01', to: '2027-06-15' });
    const demoAttempts = (t.db.prepare("SELECT count(*) AS n FROM activities WHERE at >= '2027-05-01' AND at < '2027-06-16' AND channel <> 'note' AND direction = 'outbound'").get() as { n: number }).n;
    expect(demoAttempts).toBeGreaterThan(100);
    expect(d.team.attempts).toBe(demoAttempts);
  });

  it('refuses bad periods and unknown placements with specific errors', async () => {
    const bad = async (input: unknown) => (await t.backend.dispatch('supervisor.dashboard', input)) as { ok: boolean; error?: { code: string; message: string } };
    expect((await bad({ from: '2027-03-31', to: '2027-03-01' })).error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/to: the period must start on or before/) });
    expect((await bad({ from: '2027-02-30', to: '2027-03-01' })).error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/from: must be a calendar date/) });
    expect((await bad({ from: '2027-03-01' })).error?.code).toBe('VALIDATION');
    expect((await bad({ ...MARCH, extra: 1 })).error?.code).toBe('VALIDATION');
    expect((await bad({ ...MARCH, placementId: '01890000-0000-7000-8000-000000000000' })).error?.code).toBe('NOT_FOUND');
  });
});

describe('agency days', () => {
  it('counts whole days of the agency’s time zone, and says which zone and what day it is there', async () => {
    const a1 = caseOf(t.db, 'zhang.wei', 'CN-2026-Q4');
    const at = (iso: string, channel: 'call' | 'sms' | 'email' | 'letter') => insertActivity(t.db, a1, ids.A, { at: iso, channel, result: 'sent' });
    at('2026-12-31T15:59:59.999Z', 'email'); // Shanghai: 31 Dec 23:59 — UTC: 31 Dec
    at('2026-12-31T16:00:00.000Z', 'sms'); // Shanghai: 1 Jan 00:00 — UTC: 31 Dec
    at('2027-01-31T15:59:59.999Z', 'call'); // Shanghai: 31 Jan 23:59 — UTC: 31 Jan
    at('2027-01-31T16:00:00.000Z', 'letter'); // Shanghai: 1 Feb 00:00 — UTC: 31 Jan
    const JANUARY = { from: '2027-01-01', to: '2027-01-31' };
    try {
      const utc = await t.call<DashboardView>('supervisor.dashboard', JANUARY);
      expect(row(utc, 'zhang.wei').attemptsByChannel).toEqual({ call: 1, sms: 0, email: 0, letter: 1, visit: 0 });
      expect(utc).toMatchObject({ timeZone: 'UTC', today: '2027-06-15' });

      settingsRepo.set(t.db, AGENCY_TIME_ZONE_KEY, 'Asia/Shanghai');
      const shanghai = await t.call<DashboardView>('supervisor.dashboard', JANUARY);
      expect(row(shanghai, 'zhang.wei').attemptsByChannel).toEqual({ call: 1, sms: 1, email: 0, letter: 0, visit: 0 });
      expect(shanghai).toMatchObject({ timeZone: 'Asia/Shanghai', today: '2027-06-15' });

      // 20:00 UTC on 15 June is already 16 June in Shanghai.
      expect(periodParams({ from: '2027-06-16', to: '2027-06-16' }, [], NOW, 'Asia/Shanghai')).toMatchObject({
        from: '2027-06-15T16:00:00.000Z',
        to: '2027-06-16T16:00:00.000Z',
        fromDate: '2027-06-16',
        toDate: '2027-06-17',
      });

      settingsRepo.set(t.db, AGENCY_TIME_ZONE_KEY, 'Mars/Olympus_Mons');
      const bad = await t.backend.dispatch('supervisor.dashboard', JANUARY);
      expect(bad).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/agency_time_zone is "Mars\/Olympus_Mons", which is not an IANA time zone/) } });
    } finally {
      settingsRepo.set(t.db, AGENCY_TIME_ZONE_KEY, 'UTC');
    }
  });
});

describe('role scoping', () => {
  it('a collector calling supervisor.* gets FORBIDDEN and an audit row', async () => {
    const collector = t.as('zhang.wei');
    try {
      for (const [name, input] of [['supervisor.dashboard', MARCH], ['supervisor.team', {}]] as const) {
        const r = await collector.dispatch(name, input);
        expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        const audit = t.db
          .prepare("SELECT actor_id, outcome FROM audit_log WHERE action = ? ORDER BY seq DESC LIMIT 1")
          .get(name) as { actor_id: string; outcome: string } | undefined;
        expect(audit).toEqual({ actor_id: ids.A, outcome: 'refused' });
      }
    } finally {
      collector.close();
    }
  });

  it('another supervisor sees only their own team', async () => {
    const db = t.db;
    const now = NOW;
    db.prepare("INSERT INTO users (id, username, display_name, role, created_at) VALUES ('01890000-0000-7000-8000-0000000000a1', 'zhao.lei', '赵磊 Zhao Lei', 'supervisor', ?)").run(now);
    db.prepare("INSERT INTO users (id, username, display_name, role, supervisor_id, created_at) VALUES ('01890000-0000-7000-8000-0000000000a2', 'sun.li', '孙丽 Sun Li', 'collector', '01890000-0000-7000-8000-0000000000a1', ?)").run(now);
    const other = t.as('zhao.lei');
    try {
      const r = (await other.dispatch('supervisor.dashboard', MARCH)) as { ok: true; value: DashboardView };
      expect(r.value.collectors.map((c) => c.collector.username)).toEqual(['sun.li']);
      expect(r.value.team.attempts).toBe(0);
      const team = (await other.dispatch('supervisor.team', {})) as { ok: true; value: TeamMember[] };
      expect(team.value.map((m) => m.username)).toEqual(['sun.li']);
    } finally {
      other.close();
    }
  });

  it('supervisor.team lists wang.fang’s eight collectors with their open cases; an admin sees every collector', async () => {
    const team = await t.call<TeamMember[]>('supervisor.team');
    expect(team).toHaveLength(8);
    expect(team.reduce((s, m) => s + m.openCases, 0)).toBe((t.db.prepare("SELECT count(*) AS n FROM cases WHERE status IN ('open','promise','plan')").get() as { n: number }).n);
    const admin = t.as('admin');
    try {
      const r = (await admin.dispatch('supervisor.team', {})) as { ok: true; value: TeamMember[] };
      expect(r.value.map((m) => m.username)).toContain('sun.li');
      expect(r.value.every((m) => m.role === 'collector')).toBe(true);
    } finally {
      admin.close();
    }
  });
});

describe('query plans', () => {
  it('every aggregate reads an index (no full table scan, no per-row sort of activities)', () => {
    const p = periodParams(MARCH, [ids.A, ids.B], NOW, 'Asia/Shanghai');
    for (const [name, sql] of Object.entries(REPORTING_SQL)) {
      const used = sql.match(/@\w+/g)?.map((s) => s.slice(1)) ?? [];
      const params = Object.fromEntries(Object.entries(p).filter(([k]) => used.includes(k)));
      const plan = (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
      const tableScans = plan.filter((d) => /^SCAN (activities|guardrail_decisions|promises|payments|overrides|complaints|cases)\b/.test(d) && !/USING (COVERING )?INDEX/.test(d));
      expect(tableScans, `${name}: ${plan.join(' | ')}`).toEqual([]);
      expect(plan.some((d) => /USING (COVERING )?INDEX/.test(d)), `${name}: ${plan.join(' | ')}`).toBe(true);
    }
  });
});
