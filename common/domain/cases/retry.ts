/**
 * Retry intervals: after an attempt — one that reached nobody or the wrong person, and also a
 * conversation or a refusal — how long the case rests before the work loop serves it again. Operational, not conduct: the guardrails still decide
 * whether a call is lawful; this only stops `n` from serving the case just dialled.
 */
import type { PresetId } from '../guardrails/types';

export const RETRY_RESULTS = ['no_answer', 'voicemail', 'busy', 'wrong_party', 'not_in_service', 'refused', 'connected'] as const;
export type RetryResult = (typeof RETRY_RESULTS)[number];
export type RetryMinutes = Record<RetryResult, number>;

/** Minutes to rest per result, per preset. A placement's terms may set any of them (see `retryMinutesFor`). */
export const RETRY_DEFAULTS: Readonly<Record<PresetId, RetryMinutes>> = {
  cn: { no_answer: 120, voicemail: 240, busy: 30, wrong_party: 1440, not_in_service: 1440, refused: 1440, connected: 240 },
  'us-regf': { no_answer: 240, voicemail: 1440, busy: 60, wrong_party: 1440, not_in_service: 1440, refused: 1440, connected: 240 },
  'uk-conc': { no_answer: 240, voicemail: 1440, busy: 60, wrong_party: 1440, not_in_service: 1440, refused: 1440, connected: 240 },
};

export function isRetryResult(result: string): result is RetryResult {
  return (RETRY_RESULTS as readonly string[]).includes(result);
}

/** The preset's intervals with a placement's own values laid over them. */
export function retryMinutesFor(preset: PresetId, terms?: Partial<RetryMinutes>): RetryMinutes {
  return { ...RETRY_DEFAULTS[preset], ...(terms ?? {}) };
}

/**
 * The instant (ms) from which a case whose last attempt ended with `result` at `at` may be served
 * again; -Infinity when the result sets no rest (a message sent).
 */
export function retryAt(last: { at: string; result: string }, minutes: RetryMinutes): number {
  if (!isRetryResult(last.result)) return -Infinity;
  const t = Date.parse(last.at);
  return Number.isNaN(t) ? -Infinity : t + minutes[last.result] * 60_000;
}
