/**
 * What a letter is for. The collection letter is the placement's standing letter (and every text
 * and e-mail is one too); the others answer an event on the case. The complaint letters are part of
 * handling the complaint, so a complaint pause does not hold them (guardrail purpose
 * `complaint_response`); the validation notice is the notice of 12 CFR 1006.34.
 */
import type { ActionPurpose } from '../../guardrails/types';

export const LETTER_TYPES = [
  'collection',
  'validation_notice',
  'promise_confirmation',
  'plan_confirmation',
  'paid_in_full',
  'settled',
  'complaint_acknowledgement',
  'complaint_final_response',
] as const;

export type LetterType = (typeof LETTER_TYPES)[number];

/** The purpose the guardrails weigh when a letter of this type is sent. */
export function purposeOf(type: LetterType): ActionPurpose {
  switch (type) {
    case 'validation_notice':
      return 'validation_notice';
    case 'complaint_acknowledgement':
    case 'complaint_final_response':
      return 'complaint_response';
    default:
      return 'collection';
  }
}
