import type { Lang, PresetId } from '../guardrails/types';
import type { LetterType } from './letters/types';

export const MERGE_FIELDS = [
  'borrowerName',
  'balance',
  'principal',
  'interest',
  'penalty',
  'fees',
  'dueDate',
  'agencyName',
  'agencyPhone',
  'lenderName',
  'lenderPhone',
  'complaintChannel',
  'caseReference',
  'repaymentMethod',
  'disputeMethod',
  'accountCheckMethod',
  'optOut',
  // Letters that can be mailed (issue 14): the agency's address, the itemization, the event.
  'agencyAddress',
  'itemizationDate',
  'itemizationAmount',
  'interestSince',
  'feesSince',
  'paymentsSince',
  'creditsSince',
  'validationEndDate',
  'promiseAmount',
  'promiseDate',
  'planSchedule',
  'complaintDate',
  'complaintResponseDate',
  'complaintResponse',
] as const;

export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Partial<Record<MergeField, string>>;
export type TemplateKind = 'letter' | 'sms' | 'email';

export interface MessageTemplate {
  id: string;
  preset: PresetId;
  kind: TemplateKind;
  lang: Lang;
  /** E-mails only. */
  subject?: string;
  /** What the letter is for; absent means the standing collection letter or message. */
  letter?: LetterType;
  body: string;
}
