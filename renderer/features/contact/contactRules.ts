/** Pure helpers for the log-contact form: what each channel offers and what a result suggests. */
import type { ActivityChannel, ContactPointView, ContactResult, OutcomeCode, PresetId } from '../../../common/api/types';

export const ACTIVITY_CHANNELS: readonly ActivityChannel[] = ['call', 'sms', 'email', 'letter', 'visit', 'note'];

const KINDS_FOR: Record<ActivityChannel, ContactPointView['kind'][]> = {
  call: ['mobile', 'phone', 'workplace'],
  sms: ['mobile'],
  email: ['email'],
  letter: ['address'],
  visit: ['address'],
  note: [],
};

const RESULTS_FOR: Record<ActivityChannel, readonly ContactResult[]> = {
  call: ['connected', 'no_answer', 'voicemail', 'busy', 'not_in_service', 'wrong_party', 'refused'],
  sms: ['sent'],
  email: ['sent'],
  letter: ['sent'],
  visit: ['connected', 'no_answer', 'wrong_party', 'refused'],
  note: ['sent'],
};

/** Outcomes that make sense after a result; the first is the default. */
const OUTCOMES_FOR: Record<ContactResult, readonly OutcomeCode[]> = {
  connected: ['right_party', 'promise_to_pay', 'third_party', 'dispute', 'cease_requested', 'hardship', 'complaint', 'refused', 'wrong_number', 'deceased', 'bankruptcy'],
  no_answer: ['no_answer'],
  voicemail: ['voicemail'],
  busy: ['busy'],
  not_in_service: ['not_in_service'],
  wrong_party: ['wrong_number', 'third_party'],
  refused: ['refused'],
  sent: ['sent'],
};

export function contactPointsFor(channel: ActivityChannel, points: ContactPointView[]): ContactPointView[] {
  const kinds = KINDS_FOR[channel];
  return points.filter((p) => kinds.includes(p.kind));
}

/** The first usable point: the borrower's own, valid, not opted out of this channel. */
export function defaultContactPoint(channel: ActivityChannel, points: ContactPointView[]): string | null {
  const options = contactPointsFor(channel, points);
  const usable = (p: ContactPointView) => !p.invalid && !(channel !== 'note' && p.optOuts.includes(channel as never));
  return (
    options.find((p) => p.party === 'borrower' && usable(p)) ??
    options.find(usable) ??
    options[0] ??
    null
  )?.id ?? null;
}

export function resultsFor(channel: ActivityChannel): readonly ContactResult[] {
  return RESULTS_FOR[channel];
}

export function outcomesFor(channel: ActivityChannel, result: ContactResult): readonly OutcomeCode[] {
  if (channel === 'note') return ['note'];
  return OUTCOMES_FOR[result];
}

/** A conversation with the borrower (or guarantor) by phone or in person: the disclosure / ID&V step applies. */
export function needsDisclosure(channel: ActivityChannel, result: ContactResult | null, party: ContactPointView['party'] | null, outcome: OutcomeCode | null): boolean {
  return (channel === 'call' || channel === 'visit') && result === 'connected' && party !== 'third_party' && outcome !== 'third_party' && outcome !== 'wrong_number';
}

/** The block rule the engine applies to a right-party conversation without the step (rules/call-steps.ts); none for cn. */
export function requiredStepRule(preset: PresetId): 'US-DISCLOSURE' | 'UK-IDV' | null {
  return preset === 'us-regf' ? 'US-DISCLOSURE' : preset === 'uk-conc' ? 'UK-IDV' : null;
}

/**
 * The result a key picks in the contact form: `0` is "no answer" (one key for the commonest
 * result), `1`–`9` the channel's results in the order listed. Null when the key picks nothing.
 */
export function resultForKey(channel: ActivityChannel, key: string): ContactResult | null {
  const results = RESULTS_FOR[channel];
  if (key === '0') return results.includes('no_answer') ? 'no_answer' : null;
  if (!/^[1-9]$/.test(key)) return null;
  return results[Number(key) - 1] ?? null;
}

export type DisclosureKind = 'script' | 'idv';

export function disclosureKind(preset: PresetId): DisclosureKind {
  return preset === 'uk-conc' ? 'idv' : 'script';
}
