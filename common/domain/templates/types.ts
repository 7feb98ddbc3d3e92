import type { Lang, PresetId } from '../guardrails/types';

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
  body: string;
}
