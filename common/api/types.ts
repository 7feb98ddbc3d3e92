/**
 * The shapes the UI receives. Money is integer minor units plus an ISO 4217 code; instants are
 * ISO-8601 UTC strings; calendar dates are YYYY-MM-DD. Personal data arrives masked unless revealed.
 */
import type { Decision, PresetId, Channel, Party, ContactResult } from '../domain/guardrails';
import type { ArrangementEnd, BalanceView } from './types-ledger';
import type { LetterType } from '../domain/templates/letters/types';

export type { Decision, PresetId, Channel, Party, ContactResult };

export type Role = 'collector' | 'supervisor' | 'admin';
export type CaseStatus = 'open' | 'promise' | 'plan' | 'closed' | 'recalled';
export type CaseOutcome =
  | 'paid_in_full'
  | 'settled'
  | 'payment_plan'
  | 'returned_to_lender'
  | 'legal_review'
  | 'unable_to_locate';

/** Business outcome codes of a contact (docs/GLOSSARY.md). */
export const OUTCOME_CODES = [
  'right_party',
  'third_party',
  'no_answer',
  'voicemail',
  'busy',
  'not_in_service',
  'wrong_number',
  'refused',
  'promise_to_pay',
  'dispute',
  'cease_requested',
  'hardship',
  'complaint',
  'deceased',
  'bankruptcy',
  'sent',
  'note',
] as const;
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

export type ActivityChannel = Channel | 'note';

export interface Money {
  minor: number;
  currency: string;
}

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'web';
  user: UserSummary;
  workstationId: string;
  locale: string;
}

export interface CaseFlags {
  dispute: boolean;
  cease: boolean;
  complaintOpen: boolean;
  hardship: boolean;
  vulnerable: boolean;
  attorney: boolean;
  bankrupt: boolean;
  deceased: boolean;
  recalled: boolean;
}

export interface QueueRow {
  id: string;
  reference: string;
  borrowerName: string; // masked unless revealed (names are shown in part)
  placementCode: string;
  preset: PresetId;
  status: CaseStatus;
  balance: Money;
  dpd: number;
  bucket: string;
  priority: number;
  nextActionAt: string | null;
  nextContactAt: string | null; // next lawful contact instant; null when blocked until a person acts
  contactableNow: boolean;
  promiseDue: string | null;
  lastContactAt: string | null;
  flags: CaseFlags;
  /** The collector holding the case (shown to supervisors). */
  assigneeId?: string | null;
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  offset: number;
  /** The instant the queue was computed for (contactability depends on it). */
  asOf: string;
}

export interface ContactPointView {
  id: string;
  kind: 'mobile' | 'phone' | 'email' | 'address' | 'workplace';
  party: Party;
  relation: string;
  label: string;
  value: string; // masked unless revealed
  masked: boolean;
  optOuts: Channel[];
  invalid: boolean;
  workplaceProhibited: boolean;
}

export interface BorrowerView {
  id: string;
  name: string;
  nationalId: string; // masked
  address: string; // masked
  timezones: string[];
  locale: string;
  vulnerabilities: string[];
}

export interface PlacementView {
  id: string;
  code: string;
  name: string;
  lenderName: string;
  agreementRef: string;
  preset: PresetId;
  policyVersion: string;
  currency: string;
  defaultTimezone: string;
  startDate: string;
  endDate: string;
  target: Money;
  complaintResponseDays: number;
  complaintChannel: string;
}

export interface TimelineItem {
  id: string;
  kind: 'activity' | 'promise' | 'payment' | 'complaint' | 'decision' | 'plan' | 'lender_contact' | 'outcome';
  at: string;
  title: string; // a stable code; the renderer translates
  detail: Record<string, unknown>;
  /** Display name of who did it; null for the lender or the system. */
  actor: string | null;
}

export interface PromiseView {
  id: string;
  amount: Money;
  dueDate: string;
  channel: string;
  status: 'open' | 'kept' | 'partial' | 'broken' | 'cancelled' | 'superseded';
  createdAt: string;
  /** What payments credited to it (issue 13: each payment once). */
  credited?: Money;
  ended?: ArrangementEnd;
}

export interface InstallmentView {
  seq: number;
  dueDate: string;
  amount: Money;
  paid: Money;
  status: 'due' | 'kept' | 'partial' | 'broken';
}

export interface PlanView {
  id: string;
  total: Money;
  status: 'active' | 'completed' | 'broken' | 'cancelled' | 'superseded';
  installments: InstallmentView[];
  createdAt: string;
  ended?: ArrangementEnd;
}

export interface CaseDetail {
  id: string;
  reference: string;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  balance: Money;
  breakdown: { principal: Money; interest: Money; penalty: Money; fees: Money };
  dpd: number;
  bucket: string;
  assignee: UserSummary | null;
  nextActionAt: string | null;
  nextActionNote: string | null;
  flags: CaseFlags;
  recalledAt: string | null;
  borrower: BorrowerView;
  placement: PlacementView;
  contactPoints: ContactPointView[];
  debts: { id: string; reference: string; product: string }[];
  assessment: { segment: string; abilityToPay: number; notes: string } | null;
  notice: { kind: string; sentAt: string; channel: string } | null;
  promises: PromiseView[];
  plans: PlanView[];
  timeline: TimelineItem[];
  contactability: { contactableNow: boolean; nextContactAt: string | null; decision: Decision };
  /** The ledger: balance, credit due back, per-component breakdown, postings (issue 13). */
  ledger: BalanceView;
}

export interface LogContactResult {
  activityId: string | null; // null when the guardrails blocked the contact
  decision: Decision;
  decisionId: string;
}

export interface ComplaintView {
  id: string;
  caseId: string;
  caseReference: string;
  category: string;
  channel: string;
  description: string;
  openedAt: string;
  dueAt: string;
  status: 'open' | 'responded' | 'resolved' | 'escalated';
  assignee: string | null;
  response: string | null;
  resolvedAt: string | null;
  overdue: boolean;
}

export interface TemplateSummary {
  id: string;
  kind: 'letter' | 'sms' | 'email';
  language: 'zh-CN' | 'en';
  name: string;
  /** What the letter is for (common/domain/templates LETTER_TYPES); the screen names it in the user's language. */
  letterType: LetterType;
}

export interface LintFinding {
  rule: string;
  category: string;
  start: number;
  end: number;
  text: string;
  message: { 'zh-CN': string; en: string };
}

export interface LetterPreview {
  templateId: string;
  kind: 'letter' | 'sms' | 'email';
  subject: string;
  body: string;
  findings: LintFinding[];
  decision: Decision;
}

export interface PaymentResult {
  paymentId: string;
  installments: InstallmentView[];
  promises: PromiseView[];
  /** The ledger after the payment. */
  ledger?: BalanceView;
}

export interface OverrideView {
  id: string;
  caseId: string;
  caseReference: string;
  decisionId: string;
  rules: string[];
  requestedBy: string;
  requestedAt: string;
  reason: string;
  status: 'pending' | 'approved' | 'refused' | 'used' | 'expired';
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** What the collector tried to do, from the guardrail decision (free text is never stored there). */
  action?: { channel: string; party: string } | null;
  /** Each rule of the request once, with the engine's explanations (one per place it applied) in both languages. */
  reasons?: { rule: string; messages: { 'zh-CN': string; en: string }[] }[];
}

export interface AffordabilityView {
  monthlyIncome: Money;
  monthlyExpenditure: Money;
  disposable: Money;
  suggestedMonthly: Money;
  suggestedCount: number | null;
  notes: string;
  assessedAt: string;
}

/** Bulk reassignment (cases.reassignMany): the cases matched and where each collector's share went. */
export interface ReassignManyResult {
  fromAssigneeId: string;
  /** Cases the filter matched (held by fromAssigneeId, not closed). */
  matched: number;
  /** Cases moved: 0 on a dry run. */
  moved: number;
  /** How many cases each target collector gets (or got). */
  shares: { assigneeId: string; count: number }[];
}
