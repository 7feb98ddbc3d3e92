import { evaluate } from './evaluate';
import { isoSeconds } from './time';
import type { Action, Decision, Facts, Policy } from './types';

/** For the work queue: can the collector make this contact now, and if not, when. */
export function nextLawfulContact(
  policy: Policy,
  facts: Facts,
  action: Action,
  now: Date,
): { contactableNow: boolean; at: string | null; verdict: Decision['verdict'] } {
  const d = evaluate(policy, facts, action, now);
  if (d.verdict !== 'block') return { contactableNow: true, at: isoSeconds(now.getTime()), verdict: d.verdict };
  return { contactableNow: false, at: d.nextAllowedAt, verdict: d.verdict };
}
