import type { Policy } from './types';
import { DateTime } from 'luxon';

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
