import { describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalJson } from '../../../common/domain/chain/canonical';
import { GENESIS_HASH, chainHash } from '../../../common/domain/chain/hash';
import type { ChainEntry, ChainRecord, ChainRecordType } from '../../../common/domain/chain/record';
import { buildReport } from '../../../common/domain/report/build';
import { checkReportContent, parseReportText } from '../../../common/domain/report/check';
import { summarize } from '../../../common/domain/report/summary';
import { sha256 } from '../../../main/backend/crypto/hash';

function chainOf(specs: { type: ChainRecordType; placementId: string; at: string; body: Record<string, unknown> }[]): ChainEntry[] {
  let prev = GENESIS_HASH;
  return specs.map((s, i) => {
    const record: ChainRecord = { ...s, id: `r${i}`, caseId: 'c1', seq: i + 1, workstationId: 'ws' };
    const hash = chainHash(prev, canonicalBytes(record), sha256);
    const e = { record, prevHash: prev, hash };
    prev = hash;
    return e;
  });
}

const P = 'placement-a';
const entries = chainOf([
  { type: 'activity', placementId: P, at: '2026-03-02T01:00:00.000Z', body: { channel: 'call', party: 'borrower', result: 'connected' } },
  { type: 'activity', placementId: 'other', at: '2026-03-02T01:05:00.000Z', body: { channel: 'sms', party: 'borrower', result: 'sent' } },
  { type: 'activity', placementId: P, at: '2026-03-02T02:00:00.000Z', body: { channel: 'sms', party: 'borrower', result: 'sent' } },
  { type: 'promise', placementId: P, at: '2026-03-02T02:00:00.000Z', body: { amountMinor: 5000, currency: 'CNY' } },
  { type: 'promise', placementId: P, at: '2026-03-02T03:00:00.000Z', body: { status: 'kept' } },
  { type: 'payment', placementId: P, at: '2026-03-02T03:00:00.000Z', body: { amountMinor: 5000, currency: 'CNY' } },
  { type: 'payment', placementId: P, at: '2026-03-02T03:30:00.000Z', body: { amountMinor: -100, currency: 'CNY' } },
  { type: 'complaint', placementId: P, at: '2026-03-02T04:00:00.000Z', body: { status: 'open' } },
  { type: 'decision', placementId: P, at: '2026-03-02T04:00:00.000Z', body: { verdict: 'block' } },
  { type: 'override', placementId: P, at: '2026-03-02T04:00:00.000Z', body: { status: 'approved' } },
  { type: 'activity', placementId: P, at: '2026-02-27T04:00:00.000Z', body: { channel: 'visit', party: 'borrower', result: 'connected' } },
]);

const build = () =>
  buildReport({
    id: 'rep-1',
    workstationId: 'ws',
    placementId: P,
    seq: 1,
    period: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' },
    createdAt: '2026-03-03T00:00:00.000Z',
    start: { seq: 0, hash: GENESIS_HASH },
    entries,
  });

describe('progress report content', () => {
  it('summarizes the placement’s records and counts late ones apart', () => {
    const s = build().summary;
    expect(s).toEqual({
      attemptsByChannel: { call: 1, sms: 1, email: 0, letter: 0, visit: 0 },
      rightPartyContacts: 1,
      promisesMade: 1,
      promisesKept: 1,
      amountsCollected: { CNY: 4900 },
      complaintsOpened: 1,
      complaintsResolved: 0,
      guardrailBlocks: 1,
      guardrailOverrides: 1,
      activitiesAfterRecall: 0,
      records: 10,
      lateRecords: 1,
    });
  });

  it('elides other placements’ records to seq + hash and keeps the chain checkable', () => {
    const r = build();
    expect(r.chain.links[1]).toEqual({ seq: 2, hash: entries[1]!.hash });
    expect(r.chain.head).toEqual({ seq: 11, hash: entries[10]!.hash });
    expect(checkReportContent(r, sha256)).toMatchObject({ ok: true });
  });

  it('round-trips through its canonical text and refuses a non-canonical one', () => {
    const text = canonicalJson(build());
    expect(parseReportText(text)).toMatchObject({ ok: true });
    expect(parseReportText(JSON.stringify(build(), null, 2))).toMatchObject({ ok: false, problem: { code: 'NOT_CANONICAL' } });
    expect(parseReportText('{')).toMatchObject({ ok: false, problem: { code: 'NOT_JSON' } });
    expect(parseReportText('{"format":"x"}')).toMatchObject({ ok: false, problem: { code: 'BAD_SHAPE' } });
  });

  it('finds a removed record, an altered figure and a smuggled foreign record', () => {
    const removed = build();
    removed.chain.links.splice(3, 1);
    expect(checkReportContent(removed, sha256)).toMatchObject({ ok: false, problem: { code: 'CHAIN_BROKEN', break: { kind: 'seq_gap', seq: 5 } } });

    const inflated = build();
    inflated.summary.amountsCollected = { CNY: 99_999 };
    expect(checkReportContent(inflated, sha256)).toMatchObject({ ok: false, problem: { code: 'SUMMARY_MISMATCH' } });

    const altered = build();
    altered.chain.links[0]!.record!.body = { channel: 'call', party: 'borrower', result: 'no_answer' };
    expect(checkReportContent(altered, sha256)).toMatchObject({ ok: false, problem: { code: 'CHAIN_BROKEN', break: { kind: 'hash_mismatch', seq: 1 } } });
  });

  it('counts activities flagged after a recall', () => {
    const s = summarize(
      [{ type: 'case_flag', id: 'x', caseId: null, placementId: P, at: '2026-03-02T00:00:00.000Z', seq: 1, workstationId: 'ws', body: { flag: 'recalled', activitiesAfterRecall: ['a', 'b'] } }],
      '2026-03-01T00:00:00.000Z',
    );
    expect(s.activitiesAfterRecall).toBe(2);
  });
});
