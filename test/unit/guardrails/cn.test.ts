import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../../common/domain/guardrails';
import { action, check, entry, facts } from './helpers';

const SH = ['Asia/Shanghai'];
// 2026-03-11 is a Wednesday; 10:00 Shanghai = 02:00Z.
const NOW = '2026-03-11T06:00:00Z'; // 14:00 Shanghai

describe('CN-HOURS', () => {
  const cases: [string, string, string | null][] = [
    ['2026-03-10T23:59:00Z', 'block', '2026-03-11T00:00:00Z'], // 07:59 → 08:00
    ['2026-03-11T00:00:00Z', 'allow', null],
    ['2026-03-11T13:59:00Z', 'allow', null], // 21:59
    ['2026-03-11T14:00:00Z', 'block', '2026-03-12T00:00:00Z'], // 22:00 → next 08:00
  ];
  for (const [now, verdict, next] of cases) {
    it(`${now} → ${verdict}`, () => {
      const d = check('cn', facts({}, SH), action(), now);
      expect(d.verdict).toBe(verdict);
      expect(d.nextAllowedAt).toBe(next);
    });
  }
  it('covers visits and texts, not posted letters; the debtor may agree otherwise', () => {
    expect(check('cn', facts({}, SH), action({ channel: 'visit', collectors: 2 }), '2026-03-11T15:00:00Z').blocks).toEqual(['CN-HOURS']);
    expect(check('cn', facts({}, SH), action({ channel: 'sms', text: '请回电' }), '2026-03-11T15:00:00Z').blocks).toEqual(['CN-HOURS']);
    const agreed = { ...facts({}, SH), nightContactAgreed: true };
    expect(check('cn', agreed, action(), '2026-03-11T15:00:00Z').verdict).toBe('allow');
  });
  it('defaults to Asia/Shanghai when the zone is unknown', () => {
    const d = check('cn', facts({}, []), action(), '2026-03-11T15:00:00Z');
    expect(d.zonesUsed).toEqual(['Asia/Shanghai']);
    expect(d.zoneAssumed).toBe(true);
  });
});

describe('CN-UNANSWERED (per contact point per local day)', () => {
  const unanswered = (n: number, contact = 'mobile-1') =>
    Array.from({ length: n }, (_, i) => entry(`2026-03-11T0${i}:10:00Z`, { contact })); // 08:10–13:10 Shanghai
  it('warns at the 5th attempt', () => {
    const d = check('cn', facts({ history: unanswered(4) }, SH), action(), NOW);
    expect(d.verdict).toBe('warn');
    expect(d.rules).toEqual(['CN-UNANSWERED']);
    expect(d.reasons[0]?.message.en).toContain('attempt 5');
  });
  it('blocks the 7th attempt until the next local day', () => {
    const d = check('cn', facts({ history: unanswered(6) }, SH), action(), NOW);
    expect(d.blocks).toEqual(['CN-UNANSWERED']);
    expect(d.nextAllowedAt).toBe('2026-03-12T00:00:00Z'); // next local day, and 08:00 opens the window
  });
  it('another number of the same debtor is counted separately', () => {
    expect(check('cn', facts({ history: unanswered(6) }, SH), action({ contact: 'mobile-2' }), NOW).verdict).toBe('allow');
  });
  it('uses the local day: attempts before Shanghai midnight belong to yesterday', () => {
    // 2026-03-10T15:30Z is 23:30 on Mar 10 in Shanghai.
    const history = Array.from({ length: 6 }, () => entry('2026-03-10T15:30:00Z'));
    expect(check('cn', facts({ history }, SH), action(), NOW).verdict).toBe('allow');
  });
});

describe('CN-CONNECTED', () => {
  it('at most 3 connected calls per debtor per day, lender and agencies together', () => {
    const history = [
      entry('2026-03-11T01:00:00Z', { result: 'connected' }),
      entry('2026-03-11T02:00:00Z', { result: 'connected', contact: 'home-1' }),
      entry('2026-03-11T03:00:00Z', { result: 'connected', source: 'lender' }),
    ];
    const d = check('cn', facts({ history }, SH), action({ contact: 'mobile-2' }), NOW);
    expect(d.blocks).toEqual(['CN-CONNECTED']);
    expect(d.reasons[0]?.message['zh-CN']).toContain('1 次来自出借方台账');
    expect(d.nextAllowedAt).toBe('2026-03-12T00:00:00Z');
    expect(check('cn', facts({ history: history.slice(0, 2) }, SH), action(), NOW).verdict).toBe('allow');
  });
});

describe('CN-THIRD-PARTY', () => {
  const tp = action({ party: 'third_party', contact: 'emergency-1' });
  it('blocked while the debtor has not been shown unreachable', () => {
    const d = check('cn', facts({}, SH), tp, NOW);
    expect(d.blocks).toEqual(['CN-THIRD-PARTY']);
    expect(d.nextAllowedAt).toBeNull();
  });
  it('3 consecutive failed attempts allow it from the next local day', () => {
    const today = [entry('2026-03-11T01:00:00Z'), entry('2026-03-11T02:00:00Z'), entry('2026-03-11T03:00:00Z', { result: 'busy' })];
    const d = check('cn', facts({ history: today }, SH), tp, NOW);
    expect(d.blocks).toEqual(['CN-THIRD-PARTY']);
    expect(d.nextAllowedAt).toBe('2026-03-12T00:00:00Z');
    const yesterday = today.map((e) => ({ ...e, at: e.at.replace('03-11', '03-10') }));
    expect(check('cn', facts({ history: yesterday }, SH), tp, NOW).verdict).toBe('allow');
  });
  it('a conversation with the debtor ends the run of failures', () => {
    const history = [
      entry('2026-03-09T01:00:00Z'),
      entry('2026-03-09T02:00:00Z'),
      entry('2026-03-09T03:00:00Z'),
      entry('2026-03-10T03:00:00Z', { result: 'connected' }),
    ];
    expect(check('cn', facts({ history }, SH), tp, NOW).blocks).toEqual(['CN-THIRD-PARTY']);
  });
  it('allowed when the debtor’s own numbers are invalid', () => {
    const history = [entry('2026-03-11T01:00:00Z', { result: 'not_in_service' })];
    expect(check('cn', facts({ history }, SH), tp, NOW).verdict).toBe('allow');
    const flagged = { ...facts({ history: [entry('2026-03-11T01:00:00Z')] }, SH), contactFlags: { 'mobile-1': { invalid: true } } };
    expect(check('cn', flagged, tp, NOW).verdict).toBe('allow');
  });
  it('stops when the third party asks, and never discloses the debt', () => {
    const history = [entry('2026-03-10T01:00:00Z'), entry('2026-03-10T02:00:00Z'), entry('2026-03-10T03:00:00Z')];
    const refused = { ...facts({ history }, SH), thirdPartyRefusals: ['emergency-1'] };
    expect(check('cn', refused, tp, NOW).blocks).toEqual(['CN-THIRD-PARTY']);
    const d = check('cn', facts({ history }, SH), { ...tp, channel: 'sms', text: '请转告张伟尽快还款' }, NOW);
    expect(d.blocks).toEqual(['CN-THIRD-PARTY']);
    expect(d.reasons[0]?.message['zh-CN']).toContain('还款');
  });
  it('a guarantor may be contacted like the debtor', () => {
    expect(check('cn', facts({}, SH), action({ party: 'guarantor', contact: 'g-1' }), NOW).verdict).toBe('allow');
  });
});

describe('CN-VISIT, CN-LETTER, CN-CONDUCT, CN-HOLIDAY', () => {
  it('a visit needs two collectors', () => {
    expect(check('cn', facts({}, SH), action({ channel: 'visit', collectors: 1 }), NOW).blocks).toEqual(['CN-VISIT']);
    expect(check('cn', facts({}, SH), action({ channel: 'visit', collectors: 2 }), NOW).verdict).toBe('allow');
  });
  it('letter merge fields must be filled', () => {
    const d = check('cn', facts({}, SH), action({ channel: 'letter', text: null, fields: { borrowerName: '张伟', balance: '' } }), NOW);
    expect(d.blocks).toEqual(['CN-LETTER']);
    expect(d.reasons[0]?.message.en).toContain('balance');
    expect(d.reasons[0]?.message.en).toContain('complaintChannel');
  });
  it('a letter text missing required elements is blocked', () => {
    const d = check('cn', facts({}, SH), action({ channel: 'letter', text: '请尽快处理。' }), NOW);
    expect(d.verdict).toBe('block');
    expect(new Set(d.blocks)).toEqual(new Set(['CN-LETTER']));
  });
  it('threats in a text block; in a call note they go to QA', () => {
    const sms = check('cn', facts({}, SH), action({ channel: 'sms', text: '再不还就通知你的家人' }), NOW);
    expect(sms.blocks).toEqual(['CN-CONDUCT']);
    expect(sms.nextAllowedAt).toBeNull();
    const note = check('cn', facts({}, SH), action({ text: '对方骂我骗子' }), NOW);
    expect(note.verdict).toBe('allow');
    expect(note.reasons.map((r) => r.severity)).toEqual(['qa']);
  });
  it('warns on statutory holidays, not on adjusted working days', () => {
    const holiday = check('cn', facts({}, SH), action(), '2026-10-01T03:00:00Z');
    expect(holiday.verdict).toBe('warn');
    expect(holiday.rules).toEqual(['CN-HOLIDAY']);
    expect(holiday.reasons[0]?.message['zh-CN']).toContain('国庆节');
    // 2026-02-14 is a Saturday made a working day for the Spring Festival.
    expect(check('cn', facts({}, SH), action(), '2026-02-14T03:00:00Z').verdict).toBe('allow');
  });
  it('a placement can make holidays a block; nextAllowedAt skips the whole holiday', () => {
    const strict = resolvePolicy('cn', { holidays: { mode: 'block' } });
    const d = check(strict, facts({}, SH), action(), '2026-10-01T03:00:00Z');
    expect(d.blocks).toEqual(['CN-HOLIDAY']);
    expect(d.nextAllowedAt).toBe('2026-10-08T00:00:00Z'); // Oct 1–7 off; Oct 8 08:00 Shanghai
  });
  it('recall stops all contact with no next time', () => {
    const d = check('cn', facts({ flags: { recalled: true } as never }, SH), action(), NOW);
    expect(d.blocks).toEqual(['CN-RECALL']);
    expect(d.nextAllowedAt).toBeNull();
  });
});
