/**
 * The work loop's choice of the next case (`cases.next`, the `n` key). Pure: the backend gathers
 * the candidates; this orders them and drops those that may not be served now.
 *
 * Order: callbacks due now, then promises and installments due today, then those broken (due
 * yesterday and unpaid), then the prioritised queue — each group in the order it was given.
 * A candidate is skipped while
 *   - its next lawful contact is later (or only a person can lift the block: `nextContactAt` null),
 *   - another user holds an unexpired claim on it (has it open), or
 *   - it was attempted within the retry interval of that attempt's result (callbacks excepted:
 *     the borrower asked for that time).
 * When every candidate is skipped, the answer says the earliest instant one becomes servable.
 */
import type { PresetId } from '../guardrails/types';
import { retryAt, retryMinutesFor, type RetryMinutes } from './retry';

export const NEXT_KINDS = ['callback_due', 'promise_due', 'installment_due', 'promise_broken', 'installment_broken', 'queue'] as const;
export type NextKind = (typeof NEXT_KINDS)[number];

export interface NextCandidate {
  caseId: string;
  reference: string;
  kind: NextKind;
  preset: PresetId;
  /** Next lawful contact (ISO); null when only a person can lift the block. */
  nextContactAt: string | null;
  /** The last outbound call attempt on the case, by anyone. */
  lastAttempt: { at: string; result: string } | null;
  /** Who has the case open, until when. */
  claim: { userId: string; expiresAt: string } | null;
  /** What the reason shows: the callback's due time, the promise's due date, the priority. */
  params: Record<string, string | number>;
}

export interface NextReason {
  key: string;
  params: Record<string, string | number>;
}

export type NextPick =
  | { caseId: string; reference: string; kind: NextKind; reason: NextReason; nextContactableAt: null }
  | { caseId: null; reference: null; kind: null; reason: NextReason; nextContactableAt: string | null };

export interface NextOptions {
  now: Date;
  actorId: string;
  /** A placement's own retry intervals, by preset (defaults otherwise). */
  retry?: Partial<Record<PresetId, Partial<RetryMinutes>>>;
}

const RANK: Record<NextKind, number> = {
  callback_due: 0,
  promise_due: 1,
  installment_due: 2,
  promise_broken: 3,
  installment_broken: 4,
  queue: 5,
};

const REASON_KEY: Record<NextKind, string> = {
  callback_due: 'next.callbackDue',
  promise_due: 'next.promiseDue',
  installment_due: 'next.installmentDue',
  promise_broken: 'next.promiseBroken',
  installment_broken: 'next.installmentBroken',
  queue: 'next.queue',
};

/** The earliest instant (ms) this candidate may be served; Infinity when only a person can lift a block. */
export function servableAt(c: NextCandidate, opts: NextOptions): number {
  let t = c.nextContactAt === null ? Infinity : Date.parse(c.nextContactAt);
  if (Number.isNaN(t)) t = Infinity;
  if (c.claim && c.claim.userId !== opts.actorId) {
    const until = Date.parse(c.claim.expiresAt);
    if (!Number.isNaN(until)) t = Math.max(t, until);
  }
  if (c.kind !== 'callback_due' && c.lastAttempt) {
    t = Math.max(t, retryAt(c.lastAttempt, retryMinutesFor(c.preset, opts.retry?.[c.preset])));
  }
  return t;
}

export function pickNext(candidates: readonly NextCandidate[], opts: NextOptions): NextPick {
  const now = opts.now.getTime();
  // Stable: within a kind, the caller's order (due time, priority) stands.
  const ordered = candidates.map((c, i) => ({ c, i })).sort((a, b) => RANK[a.c.kind] - RANK[b.c.kind] || a.i - b.i);
  let earliest = Infinity;
  const seen = new Set<string>();
  for (const { c } of ordered) {
    if (seen.has(c.caseId)) continue; // a case listed twice keeps its first (highest) reason
    seen.add(c.caseId);
    const at = servableAt(c, opts);
    if (at <= now) {
      return { caseId: c.caseId, reference: c.reference, kind: c.kind, reason: { key: REASON_KEY[c.kind], params: c.params }, nextContactableAt: null };
    }
    earliest = Math.min(earliest, at);
  }
  return noneUntil(earliest);
}

/** Nothing to serve now; `earliest` (ms) is when the first one may be, Infinity when none is known. */
export function noneUntil(earliest: number): NextPick {
  if (!Number.isFinite(earliest)) return { caseId: null, reference: null, kind: null, reason: { key: 'next.none', params: {} }, nextContactableAt: null };
  const at = new Date(earliest).toISOString();
  return { caseId: null, reference: null, kind: null, reason: { key: 'next.noneUntil', params: { at } }, nextContactableAt: at };
}
