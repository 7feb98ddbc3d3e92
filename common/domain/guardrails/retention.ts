import type { Policy } from './types';
import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;

/**
 * CN-RECORDS / US-RECORDS: collection records may not be purged before the retention period
 * (counted from the last activity) has passed. Returns the earliest purge instant.
 */
export function earliestPurge(policy: Policy, lastActivityAt: string): string | null {
  const years = policy.limits.retention.recordsYears;
  const t = DateTime.fromISO(lastActivityAt, { zone: 'utc' });
  if (!t.isValid) return null;
  return t.plus({ years }).toISO({ suppressMilliseconds: true });
}

export function canPurgeRecords(policy: Policy, lastActivityAt: string, now: Date): boolean {
  const at = earliestPurge(policy, lastActivityAt);
  return at !== null && Date.parse(at) <= now.getTime();
}

/** The latest of some instants (missing ones ignored); null if none is a valid instant. */
export function latestInstant(instants: readonly (string | null | undefined)[]): string | null {
  let best: string | null = null;
  let bestMs = -Infinity;
  for (const at of instants) {
    if (!at) continue;
    const ms = Date.parse(at);
    if (Number.isNaN(ms) || ms <= bestMs) continue;
    best = at;
    bestMs = ms;
  }
  return best;
}

export interface CaseRetention {
  /** The case's last activity (its last change, recall or recorded contact, whichever is latest). */
  lastActivityAt: string;
  /** Where the lender's retention period starts: the recall, else the case's last change. */
  lenderRetentionFrom: string;
  /** The lender's retention period in days (the placement's retention_days). */
  lenderRetentionDays: number;
}

/**
 * When a closed case's personal data may be purged: the later of the lender's retention period
 * and the rule set's (CN-RECORDS / US-RECORDS, from the last activity). A lender may keep data
 * longer than the rules ask but never shorten them. Null when either instant is unknown: never purge.
 */
export function purgeDueAt(policy: Policy, r: CaseRetention): string | null {
  const from = Date.parse(r.lenderRetentionFrom);
  if (Number.isNaN(from) || !Number.isFinite(r.lenderRetentionDays)) return null;
  const rule = earliestPurge(policy, r.lastActivityAt);
  if (rule === null) return null;
  const lender = new Date(from + r.lenderRetentionDays * DAY_MS).toISOString();
  return Date.parse(rule) >= Date.parse(lender) ? rule : lender;
}

export interface BorrowerCaseRetention {
  /** Still being worked: open, promise or plan. */
  open: boolean;
  /** From purgeDueAt; null means never. */
  purgeDueAt: string | null;
}

/**
 * A borrower's personal data and contact points serve every case they have: they may go only when
 * none of those cases is open or still within its retention period.
 */
export function canPurgeBorrower(cases: readonly BorrowerCaseRetention[], now: Date): boolean {
  return (
    cases.length > 0 &&
    cases.every((c) => !c.open && c.purgeDueAt !== null && Date.parse(c.purgeDueAt) <= now.getTime())
  );
}
