/**
 * Invariant: a report cannot hide a record of its own placement. From chain.taggedFrom on, every
 * link commits to its record's placement tag, so an own record shown elided (with its true tag, a
 * forged tag, or no tag) is refused by checkReportContent; other placements' records stay elided.
 * Formula-1 links before taggedFrom still verify as they did.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../../common/domain/chain/canonical';
import { GENESIS_HASH, chainHash } from '../../../common/domain/chain/hash';
import { CHAIN_RECORD_TYPES, type ChainEntry, type ChainRecord, type ChainRecordType } from '../../../common/domain/chain/record';
import { placementTag, recordDigest, taggedChainHash } from '../../../common/domain/chain/tagged';
import { buildReport } from '../../../common/domain/report/build';
import { checkReportContent } from '../../../common/domain/report/check';
import { summarize } from '../../../common/domain/report/summary';
import type { ProgressReport } from '../../../common/protocol/report';
import { sha256 } from '../../../main/backend/crypto/hash';

const P = 'placement-own';
const Q = 'placement-other';
const BODIES: Partial<Record<ChainRecordType, Record<string, unknown>>> = {
  activity: { channel: 'call', party: 'borrower', result: 'connected' },
  payment: { amountMinor: 5000, currency: 'CNY' },
  decision: { verdict: 'block' },
  override: { status: 'approved' },
  case_flag: { flag: 'recalled', activitiesAfterRecall: ['a1'] },
};

interface Spec {
  type: ChainRecordType;
  placementId: string | null;
}

/** A chain whose links from `taggedFrom` on use the tagged formula, as recordChange writes them. */
function chainOf(specs: readonly Spec[], taggedFrom: number): ChainEntry[] {
  let prev = GENESIS_HASH;
  return specs.map((s, i) => {
    const seq = i + 1;
    const record: ChainRecord = { type: s.type, id: `r${seq}`, caseId: 'c1', placementId: s.placementId, at: '2026-03-02T01:00:00.000Z', body: BODIES[s.type] ?? {}, seq, workstationId: 'ws' };
    const bytes = canonicalBytes(record);
    const hash = seq >= taggedFrom ? taggedChainHash(prev, placementTag(s.placementId, sha256), recordDigest(bytes, sha256), sha256) : chainHash(prev, bytes, sha256);
    const e = { record, prevHash: prev, hash };
    prev = hash;
    return e;
  });
}

function reportOf(entries: readonly ChainEntry[], taggedFrom: number | undefined): ProgressReport {
  return buildReport({
    id: 'rep-1',
    workstationId: 'ws',
    placementId: P,
    seq: 1,
    period: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' },
    createdAt: '2026-03-03T00:00:00.000Z',
    start: { seq: 0, hash: GENESIS_HASH },
    ...(taggedFrom === undefined ? {} : { taggedFrom }),
    entries,
    sha256,
  });
}

type Elision = 'tagged' | 'untagged' | 'foreign-tag';

/** The attack: own records matching `hide` shown as elided links, the summary recomputed from what is left. */
function elide(report: ProgressReport, hide: (r: ChainRecord) => boolean, how: Elision): ProgressReport {
  const links: ProgressReport['chain']['links'] = report.chain.links.map((l) => {
    if (!l.record || !hide(l.record)) return l;
    const bare = { seq: l.seq, hash: l.hash };
    if (how === 'untagged') return bare;
    const tag = placementTag(how === 'tagged' ? l.record.placementId : Q, sha256);
    return { ...bare, tag, digest: recordDigest(canonicalBytes(l.record), sha256) };
  });
  const shown = links.flatMap((l) => (l.record ? [l.record] : []));
  return { ...report, summary: summarize(shown, report.period.from), chain: { ...report.chain, links } };
}

// Every record type, own and foreign (and placement-less), interleaved.
const SPECS: Spec[] = CHAIN_RECORD_TYPES.flatMap((type): Spec[] => [
  { type, placementId: P },
  { type, placementId: Q },
  { type, placementId: null },
]);

describe('completeness: a report cannot elide its own records', () => {
  const report = reportOf(chainOf(SPECS, 1), 1);

  it('control: the report as built verifies, other placements elided with their tags', () => {
    expect(checkReportContent(report, sha256)).toMatchObject({ ok: true });
    const elided = report.chain.links.filter((l) => !l.record);
    expect(elided).toHaveLength(SPECS.length - CHAIN_RECORD_TYPES.length);
    for (const l of elided) expect(l.tag).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(report)).not.toContain(Q);
  });

  for (const type of CHAIN_RECORD_TYPES) {
    it(`eliding the report's own ${type} records is refused, however the link is shown`, () => {
      const hide = (r: ChainRecord) => r.type === type;
      expect(checkReportContent(elide(report, hide, 'tagged'), sha256)).toMatchObject({ ok: false, problem: { code: 'OWN_RECORD_ELIDED' } });
      expect(checkReportContent(elide(report, hide, 'untagged'), sha256)).toMatchObject({ ok: false, problem: { code: 'ELISION_UNPROVEN' } });
      expect(checkReportContent(elide(report, hide, 'foreign-tag'), sha256)).toMatchObject({ ok: false, problem: { code: 'CHAIN_BROKEN', break: { kind: 'hash_mismatch' } } });
    });
  }

  it('dropping or moving chain.taggedFrom does not let own records pass as formula 1', () => {
    const hidden = elide(report, (r) => r.type === 'payment', 'untagged');
    const { taggedFrom: _dropped, ...chain } = hidden.chain;
    // The own records still shown hash with formula 2, so read as formula 1 they break the chain.
    expect(checkReportContent({ ...hidden, chain }, sha256)).toMatchObject({ ok: false, problem: { code: 'CHAIN_BROKEN' } });
    expect(checkReportContent({ ...hidden, chain: { ...hidden.chain, taggedFrom: hidden.chain.head.seq + 2 } }, sha256)).toMatchObject({
      ok: false,
      problem: { code: 'ELISION_UNPROVEN' },
    });
  });

  it('property: any chain, switched to the tagged formula anywhere, with any own records elided, is refused; untouched it verifies', () => {
    const spec = fc.record({ type: fc.constantFrom(...CHAIN_RECORD_TYPES), placementId: fc.constantFrom<string | null>(P, Q, null) });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 30 }), fc.nat(), fc.constantFrom<Elision>('tagged', 'untagged'), fc.nat(), (specs, switchAt, how, pick) => {
        const taggedFrom = (switchAt % (specs.length + 1)) + 1;
        const built = reportOf(chainOf(specs, taggedFrom), taggedFrom);
        expect(checkReportContent(built, sha256).ok).toBe(true);
        const ownTagged = built.chain.links.filter((l) => l.record && l.seq >= taggedFrom);
        fc.pre(ownTagged.length > 0);
        const target = ownTagged[pick % ownTagged.length]!.seq;
        const check = checkReportContent(elide(built, (r) => r.seq === target, how), sha256);
        expect(check.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('a formula-1 chain (chained before the switch) verifies as before, its elided links bare', () => {
    const legacy = reportOf(chainOf(SPECS, Number.POSITIVE_INFINITY), undefined);
    expect(legacy.chain.links.filter((l) => !l.record).every((l) => l.tag === undefined)).toBe(true);
    expect(checkReportContent(legacy, sha256)).toMatchObject({ ok: true });
  });
});
