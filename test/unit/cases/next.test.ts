/** The work loop's chooser: order, retry intervals at their boundary, claims, "none until". */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEXT_KINDS, pickNext, servableAt, type NextCandidate, type NextKind } from '../../../common/domain/cases/next';
import { RETRY_DEFAULTS, RETRY_RESULTS, retryMinutesFor } from '../../../common/domain/cases/retry';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const MIN = 60_000;
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * MIN).toISOString();

function cand(id: string, kind: NextKind, extra: Partial<NextCandidate> = {}): NextCandidate {
  return { caseId: id, reference: `REF-${id}`, kind, preset: 'uk-conc', nextContactAt: ago(60), lastAttempt: null, claim: null, params: { reference: `REF-${id}` }, ...extra };
}
const opts = { now: NOW, actorId: 'me' };

describe('retry interval boundary', () => {
  for (const result of RETRY_RESULTS) {
    const n = RETRY_DEFAULTS['uk-conc'][result];
    it(`${result}: rests ${n} min — skipped at n−1, served at n and n+1`, () => {
      const at = (m: number) => pickNext([cand('a', 'queue', { lastAttempt: { at: ago(m), result } })], opts);
      expect(at(n - 1).caseId).toBeNull();
      expect(at(n - 1).nextContactableAt).toBe(new Date(NOW.getTime() + MIN).toISOString());
      expect(at(n).caseId).toBe('a');
      expect(at(n + 1).caseId).toBe('a');
    });
  }

  it('a placement’s own interval replaces the preset’s', () => {
    const c = cand('a', 'queue', { lastAttempt: { at: ago(10), result: 'no_answer' } });
    expect(pickNext([c], { ...opts, retry: { 'uk-conc': { no_answer: 10 } } }).caseId).toBe('a');
    expect(pickNext([c], { ...opts, retry: { 'uk-conc': { no_answer: 11 } } }).caseId).toBeNull();
    expect(retryMinutesFor('cn', { busy: 5 }).busy).toBe(5);
  });

  it('a due callback is served within the retry interval (the borrower chose the time)', () => {
    const c = cand('a', 'callback_due', { lastAttempt: { at: ago(1), result: 'no_answer' } });
    expect(pickNext([c], opts).caseId).toBe('a');
  });
});

describe('order and skipping', () => {
  it('callbacks due come first, then promises and installments due, broken ones, then the queue', () => {
    const arb = fc.array(fc.constantFrom(...NEXT_KINDS), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(arb, (kinds) => {
        const cands = kinds.map((k, i) => cand(`c${i}`, k));
        const pick = pickNext(cands, opts);
        const best = Math.min(...kinds.map((k) => NEXT_KINDS.indexOf(k)));
        expect(pick.kind).toBe(NEXT_KINDS[best]);
        // within a kind, the caller's order stands
        expect(pick.caseId).toBe(`c${kinds.findIndex((k) => NEXT_KINDS.indexOf(k) === best)}`);
      }),
    );
  });

  it('never serves a case that is blocked, resting, or open by someone else; otherwise says when one will be', () => {
    const arbCand = fc.record({
      kind: fc.constantFrom(...NEXT_KINDS),
      lawfulIn: fc.option(fc.integer({ min: -600, max: 600 }), { nil: null }),
      attemptAgo: fc.option(fc.record({ m: fc.integer({ min: 0, max: 3000 }), result: fc.constantFrom(...RETRY_RESULTS, 'sent') }), { nil: null }),
      claim: fc.option(fc.record({ other: fc.boolean(), inMin: fc.integer({ min: -30, max: 30 }) }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbCand, { maxLength: 10 }), (specs) => {
        const cands = specs.map((s, i) =>
          cand(`c${i}`, s.kind, {
            nextContactAt: s.lawfulIn === null ? null : new Date(NOW.getTime() + s.lawfulIn * MIN).toISOString(),
            lastAttempt: s.attemptAgo ? { at: ago(s.attemptAgo.m), result: s.attemptAgo.result } : null,
            claim: s.claim ? { userId: s.claim.other ? 'someone' : 'me', expiresAt: new Date(NOW.getTime() + s.claim.inMin * MIN).toISOString() } : null,
          }),
        );
        const pick = pickNext(cands, opts);
        const servable = cands.filter((c) => servableAt(c, opts) <= NOW.getTime());
        if (pick.caseId === null) {
          expect(servable).toEqual([]);
          const times = cands.map((c) => servableAt(c, opts)).filter(Number.isFinite);
          expect(pick.nextContactableAt).toBe(times.length ? new Date(Math.min(...times)).toISOString() : null);
        } else {
          const c = cands.find((x) => x.caseId === pick.caseId)!;
          expect(c.nextContactAt).not.toBeNull();
          expect(Date.parse(c.nextContactAt!)).toBeLessThanOrEqual(NOW.getTime());
          if (c.claim && c.claim.userId !== 'me') expect(Date.parse(c.claim.expiresAt)).toBeLessThanOrEqual(NOW.getTime());
          expect(servable.map((x) => x.caseId)).toContain(c.caseId);
        }
      }),
    );
  });

  it('a case blocked until a person acts is never served and gives no time', () => {
    const pick = pickNext([cand('a', 'callback_due', { nextContactAt: null })], opts);
    expect(pick).toMatchObject({ caseId: null, nextContactableAt: null, reason: { key: 'next.none' } });
  });
});
