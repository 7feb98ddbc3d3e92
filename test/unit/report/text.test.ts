import { describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalJson } from '../../../common/domain/chain/canonical';
import { GENESIS_HASH, chainHash } from '../../../common/domain/chain/hash';
import type { ChainEntry, ChainRecord } from '../../../common/domain/chain/record';
import { buildReport, buildReportFrame } from '../../../common/domain/report/build';
import { LINKS_SLOT, ReportTextError, spliceLinks, type LinkSource } from '../../../common/domain/report/text';
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
    const frame = canonicalJson(buildReportFrame({ ...header, head: { seq: last.record.seq, hash: last.hash }, own }));
    expect(frame).toContain(LINKS_SLOT);
    expect(frame.length).toBeLessThan(whole.length / 2);
    expect(spliceLinks(frame, P, asLinks(entries))).toBe(whole);
  });

  it('is the frame itself for an empty run', () => {
    const whole = canonicalJson(buildReport({ ...header, entries: [] }));
    const frame = canonicalJson(buildReportFrame({ ...header, head: header.start, own: [] }));
    expect(spliceLinks(frame, P, [])).toBe(whole);
    expect(whole).toContain(LINKS_SLOT);
  });

  it('refuses a frame without exactly one empty links slot, and a link with a bad seq', () => {
    expect(() => spliceLinks('{"chain":{"links":[{"seq":1}]}}', P, [])).toThrow(ReportTextError);
    expect(() => spliceLinks('{"a":{"links":[]},"chain":{"links":[]}}', P, [])).toThrow(/no single empty links slot/);
    const frame = canonicalJson(buildReportFrame({ ...header, head: header.start, own: [] }));
    expect(() => spliceLinks(frame, P, [{ seq: 0, hash: 'b'.repeat(64), placementId: P, canonical: '{}' }])).toThrow(/invalid seq 0/);
  });
});
