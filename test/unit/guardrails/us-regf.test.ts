import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../../common/domain/guardrails';
import { action, check, dailyCalls, entry, facts } from './helpers';

const NY = ['America/New_York'];

describe('US-HOURS', () => {
  const cases: [string, string, string | null][] = [
    // now (UTC), expected verdict, expected nextAllowedAt
    ['2026-03-09T11:59:00Z', 'block', '2026-03-09T12:00:00Z'], // 07:59 EDT
    ['2026-03-09T12:00:00Z', 'allow', null], // 08:00 EDT
    ['2026-03-10T00:59:00Z', 'allow', null], // 20:59 EDT
    ['2026-03-10T01:00:00Z', 'block', '2026-03-10T12:00:00Z'], // 21:00 EDT
    // DST starts 2026-03-08 02:00 EST → 03:00 EDT: 01:00 EST, next 08:00 is already EDT (12:00Z, not 13:00Z)
    ['2026-03-08T06:00:00Z', 'block', '2026-03-08T12:00:00Z'],
    ['2026-03-07T12:30:00Z', 'block', '2026-03-07T13:00:00Z'], // 07:30 EST the day before
    // DST ends 2026-11-01 02:00 EDT → 01:00 EST: 01:30 EDT, next 08:00 EST = 13:00Z
    ['2026-11-01T05:30:00Z', 'block', '2026-11-01T13:00:00Z'],
    ['2026-11-01T00:59:00Z', 'allow', null], // 20:59 EDT on Oct 31
    ['2026-11-01T01:00:00Z', 'block', '2026-11-01T13:00:00Z'], // 21:00 EDT on Oct 31
    ['2026-11-02T01:59:00Z', 'allow', null], // 20:59 EST on Nov 1
    ['2026-11-02T02:00:00Z', 'block', '2026-11-02T13:00:00Z'], // 21:00 EST
  ];
  for (const [now, verdict, next] of cases) {
    it(`${now} → ${verdict}`, () => {
      const d = check('us-regf', facts({}, NY), action(), now);
      expect(d.verdict).toBe(verdict);
      expect(d.nextAllowedAt).toBe(next);
      if (verdict === 'block') expect(d.rules).toEqual(['US-HOURS']);
    });
  }

  it('with several candidate zones the call must be lawful in all of them', () => {
    // 08:30 in New York is 05:30 in Los Angeles; both are on PDT/EDT on 2026-03-09.
    const d = check('us-regf', facts({}, ['America/New_York', 'America/Los_Angeles']), action(), '2026-03-09T12:30:00Z');
    expect(d.verdict).toBe('block');
    expect(d.nextAllowedAt).toBe('2026-03-09T15:00:00Z');
    expect(d.zonesUsed).toEqual(['America/New_York', 'America/Los_Angeles']);
    // 20:30 in New York is 17:30 in LA: lawful in both.
    expect(check('us-regf', facts({}, ['America/New_York', 'America/Los_Angeles']), action(), '2026-03-10T00:30:00Z').verdict).toBe('allow');
  });

  it('an unknown zone falls back to the placement default and says so', () => {
    const d = check('us-regf', facts({}, []), action(), '2026-03-09T11:00:00Z');
    expect(d.zoneAssumed).toBe(true);
    expect(d.zonesUsed).toEqual(['America/New_York']);
    expect(d.nextAllowedAt).toBe('2026-03-09T12:00:00Z');
    expect(d.reasons[0]?.message.en).toContain('default zone assumed');
    const f = { ...facts({}, []), defaultTimezone: 'America/Chicago' };
    expect(check('us-regf', f, action(), '2026-03-09T12:30:00Z').nextAllowedAt).toBe('2026-03-09T13:00:00Z');
  });

  it('consumer-designated inconvenient times bind, including windows across midnight', () => {
    const f = { ...facts({}, NY), inconvenientTimes: [{ from: '09:00', to: '17:00', weekdays: [1, 2, 3, 4, 5] }] };
    const d = check('us-regf', f, action(), '2026-03-09T14:00:00Z'); // Monday 10:00 EDT
    expect(d.blocks).toEqual(['US-HOURS']);
    expect(d.nextAllowedAt).toBe('2026-03-09T21:00:00Z');
    expect(check('us-regf', f, action(), '2026-03-14T14:00:00Z').verdict).toBe('allow'); // Saturday
    const night = { ...facts({}, NY), inconvenientTimes: [{ from: '20:00', to: '09:00' }] };
    expect(check('us-regf', night, action(), '2026-03-10T00:30:00Z').nextAllowedAt).toBe('2026-03-10T13:00:00Z');
  });

  it('letters are not timed', () => {
    expect(check('us-regf', facts({}, NY), action({ channel: 'letter', text: null }), '2026-03-09T05:00:00Z').verdict).toBe('allow');
  });
});

describe('US-7IN7 and what counts (Regulation F worked examples)', () => {
  const now = '2026-03-09T18:00:00Z'; // Monday 14:00 EDT

  it('blocks the eighth call in seven days about a debt, until the first one leaves the window', () => {
    const history = dailyCalls('2026-03-03T14:00:00Z', 7); // Mar 3 … Mar 9, all unanswered
    const d = check('us-regf', facts({ history }, NY), action(), now);
    expect(d.blocks).toEqual(['US-7IN7']);
    expect(d.reasons[0]?.source).toBe('12 CFR 1006.14(b)(2)');
    expect(d.reasons[0]?.message.en).toContain('7 calls already in the last 7 days about debt D1');
    // Mar 3 leaves the window at local midnight of Mar 10; 08:00 EDT is the first lawful time.
    expect(d.nextAllowedAt).toBe('2026-03-10T12:00:00Z');
    expect(check('us-regf', facts({ history }, NY), action(), '2026-03-10T12:00:00Z').verdict).toBe('allow');
  });

  it('six calls leave room for a seventh', () => {
    const history = dailyCalls('2026-03-04T14:00:00Z', 6);
    expect(check('us-regf', facts({ history }, NY), action(), now).verdict).toBe('allow');
  });

  it('calls about two debts count for each debt, and not for a third', () => {
    const history = dailyCalls('2026-03-03T14:00:00Z', 7, { debts: ['D1', 'D2'] });
    expect(check('us-regf', facts({ history }, NY), action({ debts: ['D2'] }), now).blocks).toEqual(['US-7IN7']);
    expect(check('us-regf', facts({ history }, NY), action({ debts: ['D3'] }), now).verdict).toBe('allow');
    const both = check('us-regf', facts({ history }, NY), action({ debts: ['D1', 'D2'] }), now);
    expect(both.blocks).toEqual(['US-7IN7', 'US-7IN7']);
  });

  it('busy and not-in-service do not count; voicemail and unanswered do', () => {
    const base = dailyCalls('2026-03-03T14:00:00Z', 6, { result: 'voicemail' });
    const busy = [...base, entry('2026-03-09T15:00:00Z', { result: 'busy' })];
    expect(check('us-regf', facts({ history: busy }, NY), action(), now).verdict).toBe('allow');
    const nis = [...base, entry('2026-03-09T15:00:00Z', { result: 'not_in_service' })];
    expect(check('us-regf', facts({ history: nis }, NY), action(), now).verdict).toBe('allow');
    const vm = [...base, entry('2026-03-09T15:00:00Z', { result: 'voicemail' })];
    expect(check('us-regf', facts({ history: vm }, NY), action(), now).blocks).toEqual(['US-7IN7']);
  });

  it('texts and e-mails are not calls', () => {
    const history = dailyCalls('2026-03-03T14:00:00Z', 7, { channel: 'sms', result: 'sent' });
    const d = check('us-regf', { ...facts({ history }, NY), validationNoticeSentAt: '2026-03-03T15:00:00Z' }, action(), now);
    expect(d.verdict).toBe('allow');
  });

  it('counts per person: calls to a third party do not count against the borrower', () => {
    const history = dailyCalls('2026-03-03T14:00:00Z', 7, { party: 'third_party', contact: 'ref-1' });
    expect(check('us-regf', facts({ history }, NY), action(), now).rules).not.toContain('US-7IN7');
  });

  it("lender-supplied ledger entries count like local ones and are named in the message", () => {
    const history = [
      ...dailyCalls('2026-03-03T14:00:00Z', 4),
      ...dailyCalls('2026-03-07T14:00:00Z', 3, { source: 'lender' }),
    ];
    const d = check('us-regf', facts({ history }, NY), action(), now);
    expect(d.blocks).toEqual(['US-7IN7']);
    expect(d.reasons[0]?.message.en).toContain("3 from the lender's ledger");
    expect(d.reasons[0]?.message['zh-CN']).toContain('3 次来自出借方台账');
  });

  it('a state overlay can tighten the cap (2 calls per 7 days)', () => {
    const ma = resolvePolicy('us-regf', { limits: { usFrequency: { maxCalls: 2 } } });
    const history = [entry('2026-03-05T14:00:00Z'), entry('2026-03-07T14:00:00Z')];
    const d = check(ma, facts({ history }, NY), action(), now);
    expect(d.blocks).toEqual(['US-7IN7']);
    expect(d.nextAllowedAt).toBe('2026-03-12T12:00:00Z'); // Mar 5 + 7 days, 08:00 EDT
    expect(d.policyVersion).toMatch(/^us-regf@2026\.1\+[0-9a-f]{10}$/);
  });
});

describe('US-AFTER-CONVERSATION', () => {
  it('the day of the conversation is day 1 of 7', () => {
    const history = [entry('2026-03-03T15:00:00Z', { result: 'connected' })];
    const f = { ...facts({ history }, NY), validationNoticeSentAt: '2026-03-03T16:00:00Z' };
    const day7 = check('us-regf', f, action(), '2026-03-09T18:00:00Z');
    expect(day7.blocks).toEqual(['US-AFTER-CONVERSATION']);
    expect(day7.reasons[0]?.message.en).toContain('today is day 7 of 7');
    expect(day7.nextAllowedAt).toBe('2026-03-10T12:00:00Z');
    expect(check('us-regf', f, action(), '2026-03-10T12:00:00Z').verdict).toBe('allow');
  });

  it('the conversation day is the borrower-local day, not the UTC day', () => {
    // 2026-03-04T02:00Z is 21:00 EDT on Mar 3 in New York: day 1 is Mar 3.
    const history = [entry('2026-03-04T02:00:00Z', { result: 'connected', direction: 'inbound' })];
    const d = check('us-regf', facts({ history }, NY), action(), '2026-03-09T18:00:00Z');
    expect(d.nextAllowedAt).toBe('2026-03-10T12:00:00Z');
  });

  it('a conversation about one debt that turns to another counts for both', () => {
    const history = [entry('2026-03-06T15:00:00Z', { result: 'connected', debts: ['D1', 'D2'] })];
    expect(check('us-regf', facts({ history }, NY), action({ debts: ['D2'] }), '2026-03-09T18:00:00Z').blocks).toEqual([
      'US-AFTER-CONVERSATION',
    ]);
    expect(check('us-regf', facts({ history }, NY), action({ debts: ['D3'] }), '2026-03-09T18:00:00Z').verdict).toBe('allow');
  });

  it('inbound conversations count, whoever started them', () => {
    const history = [entry('2026-03-08T15:00:00Z', { result: 'connected', direction: 'inbound' })];
    expect(check('us-regf', facts({ history }, NY), action(), '2026-03-09T18:00:00Z').blocks).toEqual(['US-AFTER-CONVERSATION']);
  });

  it('a conversation with someone else is not a conversation with the consumer', () => {
    const history = [entry('2026-03-08T15:00:00Z', { result: 'wrong_party' })];
    expect(check('us-regf', facts({ history }, NY), action(), '2026-03-09T18:00:00Z').verdict).toBe('allow');
  });
});

describe('US consent given directly to the collector', () => {
  const now = '2026-03-09T18:00:00Z';
  const before = [entry('2026-03-03T14:00:00Z'), entry('2026-03-04T14:00:00Z')];
  const after = dailyCalls('2026-03-05T16:00:00Z', 5); // Mar 5 … Mar 9, after the consent
  const consents = [{ at: '2026-03-05T15:00:00Z', channel: 'call' as const }];

  it('calls within 7 days of consent are excluded from the count', () => {
    const history = [...before, ...after];
    expect(check('us-regf', facts({ history }, NY), action(), now).blocks).toEqual(['US-7IN7']);
    expect(check('us-regf', facts({ history, consents }, NY), action(), now).verdict).toBe('allow');
  });

  it('consent ends at a conversation: the calls after it count again and the conversation rule applies', () => {
    const conversation = entry('2026-03-07T17:00:00Z', { result: 'connected' });
    const d = check('us-regf', facts({ history: [...before, ...after, conversation], consents }, NY), action(), now);
    expect(d.blocks).toEqual(['US-AFTER-CONVERSATION']);
    expect(d.nextAllowedAt).toBe('2026-03-14T12:00:00Z'); // Mar 7 is day 1; Mar 14 08:00 EDT
  });

  it('consent lasts 7 days: day 8 counts again', () => {
    const old = [{ at: '2026-03-01T15:00:00Z', channel: 'call' as const }];
    const history = dailyCalls('2026-03-03T14:00:00Z', 7); // Mar 3–7 excluded, Mar 8–9 count
    expect(check('us-regf', facts({ history, consents: old }, NY), action(), now).verdict).toBe('allow');
    const more = dailyCalls('2026-03-03T14:00:00Z', 7);
    expect(check('us-regf', facts({ history: more }, NY), action(), now).blocks).toEqual(['US-7IN7']);
  });
});

describe('US-PATTERN', () => {
  it('warns on a second unanswered call to one number within 5 minutes', () => {
    const history = [entry('2026-03-09T17:57:00Z')];
    const d = check('us-regf', facts({ history }, NY), action(), '2026-03-09T18:00:00Z');
    expect(d.verdict).toBe('warn');
    expect(d.rules).toEqual(['US-PATTERN']);
  });
  it('warns on many calls in one day', () => {
    const history = [entry('2026-03-09T13:00:00Z'), entry('2026-03-09T15:00:00Z'), entry('2026-03-09T16:00:00Z')];
    const d = check('us-regf', facts({ history }, NY), action(), '2026-03-09T18:00:00Z');
    expect(d.verdict).toBe('warn');
    expect(d.reasons.some((r) => r.rule === 'US-PATTERN' && r.message.en.includes('3 calls already today'))).toBe(true);
  });
  it('warns on calls bunched on a Sunday', () => {
    const history = [entry('2026-03-08T13:00:00Z')];
    expect(check('us-regf', facts({ history }, NY), action(), '2026-03-08T18:00:00Z').rules).toEqual(['US-PATTERN']);
  });
});

describe('US rules a person must lift (nextAllowedAt null)', () => {
  const now = '2026-03-09T18:00:00Z';
  const cases: [string, Parameters<typeof facts>[0], Parameters<typeof action>[0], string][] = [
    ['attorney', { flags: { attorney: true } as never }, {}, 'US-ATTORNEY'],
    ['cease', { flags: { cease: true } as never }, {}, 'US-CEASE'],
    ['dispute', { flags: { dispute: true } as never }, {}, 'US-DISPUTE'],
    ['recall', { flags: { recalled: true } as never }, {}, 'US-RECALL'],
    ['complaint', { flags: { complaintOpen: true } as never }, {}, 'US-COMPLAINT'],
    ['bankruptcy', { flags: { bankrupt: true } as never }, {}, 'US-BANKRUPTCY'],
    ['deceased', { flags: { deceased: true } as never }, {}, 'US-DECEASED'],
    ['opt-out', { optOuts: ['email'] }, { channel: 'email', text: 'This is an attempt to collect a debt by a debt collector. Reply STOP to opt out.' }, 'US-OPT-OUT'],
    ['workplace', { contactFlags: { 'work-1': { workplaceProhibited: true } } }, { contact: 'work-1' }, 'US-WORKPLACE'],
  ];
  for (const [name, f, a, rule] of cases) {
    it(name, () => {
      const d = check('us-regf', facts(f, NY), action(a), now);
      expect(d.verdict).toBe('block');
      expect(d.blocks).toEqual([rule]);
      expect(d.nextAllowedAt).toBeNull();
    });
  }

  it('a person-lifted block hides the time-based next instant', () => {
    const d = check('us-regf', facts({ flags: { cease: true } as never }, NY), action(), '2026-03-09T05:00:00Z');
    expect(d.blocks.sort()).toEqual(['US-CEASE', 'US-HOURS']);
    expect(d.nextAllowedAt).toBeNull();
  });

  it('after a cease request the permitted written notices still pass', () => {
    const text = 'This is an attempt to collect a debt by a debt collector. As you asked, we are ending our collection efforts.';
    const d = check('us-regf', facts({ flags: { cease: true } as never }, NY), action({ channel: 'letter', text, purpose: 'cease_acknowledgement' }), now);
    expect(d.verdict).toBe('allow');
  });

  it('a dispute stops collection until verification is sent', () => {
    const f = { ...facts({ flags: { dispute: true } as never }, NY), verificationSentAt: '2026-03-08T12:00:00Z' };
    expect(check('us-regf', f, action(), now).verdict).toBe('allow');
  });
});

describe('US third parties, disclosure, validation, language', () => {
  const now = '2026-03-09T18:00:00Z';
  it('third parties once, for location information only', () => {
    const tp = action({ party: 'third_party', contact: 'ref-1', purpose: 'location' });
    expect(check('us-regf', facts({}, NY), tp, now).verdict).toBe('allow');
    const history = [entry('2026-02-01T15:00:00Z', { party: 'third_party', contact: 'ref-1', result: 'connected' })];
    expect(check('us-regf', facts({ history }, NY), tp, now).blocks).toEqual(['US-THIRD-PARTY']);
    expect(check('us-regf', facts({}, NY), { ...tp, purpose: 'collection' }, now).blocks).toEqual(['US-THIRD-PARTY']);
    const text = 'Please tell Jordan to pay the overdue balance.';
    const d = check('us-regf', facts({}, NY), { ...tp, channel: 'sms', text }, now);
    expect(d.blocks).toEqual(['US-THIRD-PARTY', 'US-THIRD-PARTY']);
  });

  it('written messages need the disclosure; the first one the full mini-Miranda', () => {
    const later = { history: [entry('2026-03-01T15:00:00Z', { result: 'connected' })], validationNoticeSentAt: '2026-03-02T15:00:00Z' };
    const noDisclosure = check('us-regf', facts(later, NY), action({ channel: 'letter', text: 'Please call us at 555-0100.' }), now);
    expect(noDisclosure.blocks).toEqual(['US-DISCLOSURE']);
    const ok = check('us-regf', facts(later, NY), action({ channel: 'letter', text: 'From a debt collector: call 555-0100.' }), now);
    expect(ok.verdict).toBe('allow');
    const first = check('us-regf', facts({}, NY), action({ channel: 'letter', text: 'From a debt collector: call 555-0100.' }), now);
    expect(first.blocks).toEqual(['US-DISCLOSURE']);
  });

  it('e-mails and texts need an opt-out method', () => {
    const later = { history: [entry('2026-03-01T15:00:00Z', { result: 'connected' })], validationNoticeSentAt: '2026-03-02T15:00:00Z' };
    const d = check('us-regf', facts(later, NY), action({ channel: 'email', text: 'This is a debt collector. Call 555-0100.' }), now);
    expect(d.blocks).toEqual(['US-OPT-OUT']);
  });

  it('warns when no validation notice followed the initial communication within 5 days', () => {
    const f = { ...facts({}, NY), firstContactAt: '2026-03-01T15:00:00Z' };
    expect(check('us-regf', f, action(), now).rules).toEqual(['US-VALIDATION']);
    expect(check('us-regf', { ...f, validationNoticeSentAt: '2026-03-02T15:00:00Z' }, action(), now).verdict).toBe('allow');
    expect(check('us-regf', { ...f, firstContactAt: '2026-03-06T15:00:00Z' }, action(), now).verdict).toBe('allow');
  });

  it('no threat of suit on a time-barred debt', () => {
    const later = { history: [entry('2026-03-01T15:00:00Z', { result: 'connected' })], validationNoticeSentAt: '2026-03-02T15:00:00Z' };
    const text = 'This is a debt collector. We may file a lawsuit.';
    expect(check('us-regf', facts(later, NY), action({ channel: 'letter', text }), now).verdict).toBe('allow');
    const barred = { ...facts(later, NY), timeBarred: true };
    expect(check('us-regf', barred, action({ channel: 'letter', text }), now).blocks).toEqual(['US-TIME-BARRED']);
  });

  it('abusive language blocks a letter and is flagged for QA in call notes', () => {
    const later = { history: [entry('2026-03-01T15:00:00Z', { result: 'connected' })], validationNoticeSentAt: '2026-03-02T15:00:00Z' };
    const letter = check('us-regf', facts(later, NY), action({ channel: 'letter', text: 'A debt collector says: you will be arrested.' }), now);
    expect(letter.blocks).toEqual(['US-LANGUAGE']);
    const note = check('us-regf', facts(later, NY), action({ channel: 'call', text: 'Told him he would be arrested.' }), now);
    expect(note.verdict).toBe('allow');
    expect(note.reasons.map((r) => [r.rule, r.severity])).toEqual([['US-LANGUAGE', 'qa']]);
  });

  it('warns that counts may be incomplete when the lender ledger is stale', () => {
    const f = { ...facts({}, NY), ledgerAsOf: '2026-03-07T18:00:00Z' };
    const d = check('us-regf', f, action(), now);
    expect(d.verdict).toBe('warn');
    expect(d.reasons[0]?.rule).toBe('US-7IN7');
    expect(d.reasons[0]?.message.en).toContain('48 hours old');
  });
});
