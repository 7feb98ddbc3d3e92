import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalJson } from '../../../common/domain/chain/canonical';
import { GENESIS_HASH, chainHash } from '../../../common/domain/chain/hash';
import type { ChainEntry, ChainRecord } from '../../../common/domain/chain/record';
import { buildReport, buildReportFrame } from '../../../common/domain/report/build';
import { addTally, emptySummary, summarize, tallyOf } from '../../../common/domain/report/summary';
import { LINKS_SLOT, ReportTextError, linkText, spliceJoinedLinks, spliceLinks, type LinkSource } from '../../../common/domain/report/text';
import { sha256 } from '../../../main/backend/crypto/hash';

const P = 'placement-a';
const bodies: { placementId: string; body: Record<string, unknown> }[] = [
  { placementId: P, body: { channel: 'call', party: 'borrower', result: 'connected', note: '王芳 承诺 "本周五" 还款\n第二行 \u0007 \\ / €' } },
  { placementId: 'other', body: { channel: 'sms', party: 'borrower', result: 'sent' } },
  { placementId: P, body: { amountMinor: -12345, currency: 'CNY', ratio: 0.1, big: 1e21, tiny: 1e-7, nested: { z: 1, a: [3, { y: null, b: true }] } } },
  { placementId: P, body: { 'ключ': 'значение', '\u00e9': 'é', '😀': 'emoji key', a: '\ud83d\ude00' } },
  { placementId: 'other', body: { status: 'open' } },
  { placementId: P, body: {} },
];

function chain(): ChainEntry[] {
  let prev = GENESIS_HASH;
  return bodies.map((b, i) => {
    const record: ChainRecord = { type: 'activity', id: `r${i}`, caseId: 'c1', placementId: b.placementId, at: '2026-03-02T01:00:00.000Z', body: b.body, seq: 41 + i, workstationId: 'ws' };
    const hash = chainHash(prev, canonicalBytes(record), sha256);
    const entry = { record, prevHash: prev, hash };
    prev = hash;
    return entry;
  });
}

const header = {
  id: 'rep-1',
  workstationId: 'ws',
  placementId: P,
  seq: 3,
  period: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' },
  createdAt: '2026-03-03T00:00:00.000Z',
  start: { seq: 40, hash: 'a'.repeat(64) },
};

const asLinks = (entries: ChainEntry[]): LinkSource[] =>
  entries.map((e) => ({ seq: e.record.seq, hash: e.hash, placementId: e.record.placementId, canonical: canonicalJson(e.record) }));

describe('a report spliced from its frame and the chain’s canonical records', () => {
  it('is byte-identical to the canonical text of the whole report (CJK, escapes, numbers, foreign records elided)', () => {
    const entries = chain();
    const whole = canonicalJson(buildReport({ ...header, entries }));
    const last = entries.at(-1)!;
    const own = entries.filter((e) => e.record.placementId === P).map((e) => e.record);
    const frame = canonicalJson(buildReportFrame({ ...header, head: { seq: last.record.seq, hash: last.hash }, summary: summarize(own, header.period.from) }));
    expect(frame).toContain(LINKS_SLOT);
    expect(frame.length).toBeLessThan(whole.length / 2);
    expect(spliceLinks(frame, P, asLinks(entries))).toBe(whole);
    // Links joined elsewhere (the database does it) splice to the same bytes.
    const joined = new TextEncoder().encode(asLinks(entries).map((l) => linkText(l, P)).join(','));
    expect(new TextDecoder().decode(spliceJoinedLinks(frame, joined))).toBe(whole);
  });

  it('is the frame itself for an empty run', () => {
    const whole = canonicalJson(buildReport({ ...header, entries: [] }));
    const frame = canonicalJson(buildReportFrame({ ...header, head: header.start, summary: emptySummary() }));
    expect(spliceLinks(frame, P, [])).toBe(whole);
    expect(whole).toContain(LINKS_SLOT);
  });

  it('refuses a frame without exactly one empty links slot, and a link with a bad seq', () => {
    expect(() => spliceLinks('{"chain":{"links":[{"seq":1}]}}', P, [])).toThrow(ReportTextError);
    expect(() => spliceLinks('{"a":{"links":[]},"chain":{"links":[]}}', P, [])).toThrow(/no single empty links slot/);
    const frame = canonicalJson(buildReportFrame({ ...header, head: header.start, summary: emptySummary() }));
    expect(() => spliceLinks(frame, P, [{ seq: 0, hash: 'b'.repeat(64), placementId: P, canonical: '{}' }])).toThrow(/invalid seq 0/);
  });
});

describe('tallies', () => {
  const records: ChainRecord[] = [
    ['activity', { channel: 'call', party: 'borrower', result: 'connected' }],
    ['activity', { channel: 'call', party: 'borrower', result: 'connected' }],
    ['activity', { channel: 'fax', party: 'borrower', result: 'connected' }],
    ['activity', { channel: 'sms', party: 'third_party', result: 'connected' }],
    ['promise', {}],
    ['promise', { status: 'open' }],
    ['promise', { status: 'kept' }],
    ['promise', { status: null }],
    ['payment', { amountMinor: 5000, currency: 'CNY' }],
    ['payment', { amountMinor: -100, currency: 'CNY' }],
    ['payment', { amountMinor: 1.5, currency: 'USD' }],
    ['payment', { amountMinor: 700, currency: 'GBP' }],
    ['complaint', { status: 'open' }],
    ['complaint', { status: 'resolved' }],
    ['decision', { verdict: 'block' }],
    ['decision', { verdict: 'warn' }],
    ['override', { status: 'approved' }],
    ['override', { status: 'refused' }],
    ['case_flag', { flag: 'recalled', activitiesAfterRecall: ['a', 'b', 'c'] }],
    ['case_flag', { flag: 'recalled', activitiesAfterRecall: 'a' }],
    ['plan', { x: 1 }],
    ['outcome', { x: 1 }],
    ['purge', { x: 1 }],
  ].map(([type, body], i) => ({
    type: type as ChainRecord['type'],
    body: body as Record<string, unknown>,
    id: `r${i}`,
    caseId: 'c',
    placementId: P,
    at: i % 5 === 4 ? '2026-02-27T00:00:00.000Z' : '2026-03-02T00:00:00.000Z',
    seq: i + 1,
    workstationId: 'ws',
  }));

  it('grouped and counted, give the figures summarize gives record by record', () => {
    const from = '2026-03-01T00:00:00.000Z';
    const groups = new Map<string, number>();
    for (const r of records) {
      const key = `${canonicalJson(tallyOf(r))}\u0000${r.at < from ? 1 : 0}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    expect(groups.size).toBeLessThan(records.length);
    const s = emptySummary();
    for (const [key, n] of groups) {
      const [tally, late] = key.split('\u0000') as [string, string];
      addTally(s, JSON.parse(tally), n, late === '1');
    }
    const expected = summarize(records, from);
    expect(s).toEqual(expected);
    expect(expected).toMatchObject({ records: 23, lateRecords: 4, promisesMade: 1, amountsCollected: { CNY: 5000, GBP: 700 }, activitiesAfterRecall: 3, guardrailBlocks: 0 });
  });

  it('property: any run of records, spliced or tallied, matches the report built whole', () => {
    const types = ['activity', 'promise', 'payment', 'complaint', 'decision', 'override', 'case_flag', 'plan', 'outcome', 'purge'] as const;
    const value = fc.oneof(
      fc.string({ maxLength: 6, unit: 'grapheme' }),
      fc.constantFrom('call', 'sms', 'borrower', 'connected', 'open', 'kept', 'resolved', 'block', 'approved', 'recalled', 'CNY'),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
    );
    const keys = fc.constantFrom('channel', 'party', 'result', 'status', 'currency', 'amountMinor', 'verdict', 'flag', 'activitiesAfterRecall', 'note', '名', 'a"b');
    const record = fc.record({
      type: fc.constantFrom(...types),
      placementId: fc.constantFrom(P, 'other', null),
      late: fc.boolean(),
      body: fc.dictionary(keys, value, { maxKeys: 6 }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 25 }), (specs) => {
        let prev = GENESIS_HASH;
        const entries: ChainEntry[] = specs.map((x, i) => {
          const r: ChainRecord = { type: x.type, id: `r${i}`, caseId: 'c', placementId: x.placementId, at: x.late ? '2026-02-01T00:00:00.000Z' : '2026-03-02T00:00:00.000Z', body: x.body, seq: 41 + i, workstationId: 'ws' };
          const hash = chainHash(prev, canonicalBytes(r), sha256);
          const entry = { record: r, prevHash: prev, hash };
          prev = hash;
          return entry;
        });
        const whole = buildReport({ ...header, entries });
        const s = emptySummary();
        for (const e of entries) if (e.record.placementId === P) addTally(s, JSON.parse(canonicalJson(tallyOf(e.record))), 1, e.record.at < header.period.from);
        expect(s).toEqual(whole.summary);
        const frame = canonicalJson(buildReportFrame({ ...header, head: whole.chain.head, summary: s }));
        expect(spliceLinks(frame, P, asLinks(entries))).toBe(canonicalJson(whole));
      }),
      { numRuns: 300 },
    );
  });
});
