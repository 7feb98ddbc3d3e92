/** The guardrail engine's vocabulary: inputs (facts, action), policy, and the decision. */

export type Channel = 'call' | 'sms' | 'email' | 'letter' | 'visit';
export type Party = 'borrower' | 'guarantor' | 'third_party';
export type ContactResult =
  | 'connected'
  | 'no_answer'
  | 'voicemail'
  | 'busy'
  | 'not_in_service'
  | 'wrong_party'
  | 'refused'
  | 'sent';
export type PresetId = 'cn' | 'us-regf' | 'uk-conc';
export type Lang = 'zh-CN' | 'en';
export type Severity = 'block' | 'warn' | 'qa';
/** A rule's configured strength; 'off' only reachable by an admin loosening a non-block rule. */
export type RuleLevel = Severity | 'off';

export const CHANNELS: readonly Channel[] = ['call', 'sms', 'email', 'letter', 'visit'];
export const PARTIES: readonly Party[] = ['borrower', 'guarantor', 'third_party'];
export const CONTACT_RESULTS: readonly ContactResult[] = [
  'connected',
  'no_answer',
  'voicemail',
  'busy',
  'not_in_service',
  'wrong_party',
  'refused',
  'sent',
];
export const PRESET_IDS: readonly PresetId[] = ['cn', 'us-regf', 'uk-conc'];

export interface HistoryEntry {
  /** ISO instant. */
  at: string;
  channel: Channel;
  party: Party;
  contact: string;
  debts: string[];
  result: ContactResult;
  source: 'local' | 'lender';
  /** Inbound calls are conversations but not calls placed by the collector. Default outbound. */
  direction?: 'outbound' | 'inbound';
}

export interface Flags {
  cease: boolean;
  dispute: boolean;
  complaintOpen: boolean;
  attorney: boolean;
  vulnerable: boolean;
  recalled: boolean;
  bankrupt: boolean;
  deceased: boolean;
}

/** A consumer-designated inconvenient window, borrower-local wall time ('HH:mm'); may wrap midnight. */
export interface InconvenientTime {
  from: string;
  to: string;
  /** ISO weekdays (1 = Monday) on which the window starts; all days when absent. */
  weekdays?: number[];
}

export interface ContactPointFlags {
  /** The employer prohibits contact at this point (US-WORKPLACE). */
  workplaceProhibited?: boolean;
  /** The number or address is known to be invalid (CN-THIRD-PARTY unreachability). */
  invalid?: boolean;
}

export interface Facts {
  borrower: { timezones: string[] };
  flags: Flags;
  optOuts: Channel[];
  /** Consent given directly to the collector (US: excludes calls from the frequency presumption for 7 days). */
  consents: { at: string; channel: Channel }[];
  history: HistoryEntry[];
  /** Overrides the policy's default zone when the borrower's zone is unknown. */
  defaultTimezone?: string;
  inconvenientTimes?: InconvenientTime[];
  /** When the lender-supplied contact ledger was last brought up to date. */
  ledgerAsOf?: string;
  /** Third-party contact points that asked not to be contacted again. */
  thirdPartyRefusals?: string[];
  contactFlags?: Record<string, ContactPointFlags>;
  validationNoticeSentAt?: string;
  firstContactAt?: string;
  /** US: verification of a disputed debt was sent, which lifts the dispute pause. */
  verificationSentAt?: string;
  /** UK: ID&V passed on the current call. */
  identityVerified?: boolean;
  /** The debtor agreed to contact outside the normal hours (CN "unless the debtor agreed otherwise"). */
  nightContactAgreed?: boolean;
  /** US: the debt is past the statute of limitations. */
  timeBarred?: boolean;
}

/**
 * Why a message is sent; under a cease request only the permitted notices pass (US-CEASE), and
 * under a complaint pause only the complaint's own letters (acknowledgement, final response).
 */
export type ActionPurpose =
  | 'collection'
  | 'location'
  | 'validation_notice'
  | 'cease_acknowledgement'
  | 'remedy_notice'
  | 'complaint_response';

export const ACTION_PURPOSES: readonly ActionPurpose[] = [
  'collection',
  'location',
  'validation_notice',
  'cease_acknowledgement',
  'remedy_notice',
  'complaint_response',
];

export interface Action {
  channel: Channel;
  party: Party;
  contact: string;
  /** How messages name the contact point (the masked number); `contact` is its id, used only to count. */
  contactLabel?: string;
  debts: string[];
  collectors: number;
  text: string | null;
  purpose?: ActionPurpose;
  /** Merge-field values of the letter being sent (CN-LETTER checks the required ones are filled). */
  fields?: Record<string, string>;
  /** What the collector records of the call or visit itself: its result and the steps attested (rules/call-steps.ts). */
  conversation?: Conversation;
}

/** A call or visit as recorded: with a connected borrower it is a right-party conversation. */
export interface Conversation {
  result: ContactResult;
  direction: 'outbound' | 'inbound';
  /** US: the mini-Miranda (initial communication) or "from a debt collector" (later) was given. */
  disclosureConfirmed: boolean;
  /** UK: identity and verification passed before the account was discussed. */
  identityVerified: boolean;
}

export interface Reason {
  rule: string;
  severity: Severity;
  needsApproval?: boolean;
  message: { 'zh-CN': string; en: string };
  source: string;
}

export interface Decision {
  verdict: 'allow' | 'warn' | 'block';
  reasons: Reason[];
  nextAllowedAt: string | null;
  policyVersion: string;
  zonesUsed: string[];
  zoneAssumed: boolean;
}

export type HolidayMode = 'off' | 'warn' | 'block';
export type HolidayCalendar = 'cn' | 'us' | 'gb';

/** Every number a placement may tighten. All presets share the shape; a preset ignores what it does not use. */
export interface PolicyLimits {
  cnUnanswered: { maxPerContactPerDay: number; warnAt: number };
  cnConnected: { maxPerDay: number };
  cnThirdParty: { failedAttempts: number; unreachableDays: number };
  visit: { minCollectors: number };
  usFrequency: {
    maxCalls: number;
    windowDays: number;
    afterConversationDays: number;
    consentDays: number;
    countBusy: boolean;
    countNotInService: boolean;
  };
  usPattern: { unansweredMinutes: number; maxCallsPerDay: number };
  usThirdParty: { maxLocationContacts: number };
  usValidation: { days: number };
  ukExcessive: { maxCallsPerDay: number; maxCallsPerWindow: number; maxWrittenPerWindow: number; windowDays: number };
  ledgerMaxAgeHours: number;
  retention: { recordsYears: number };
}

export type LexiconCategory =
  | 'threat_arrest'
  | 'threat_violence'
  | 'exposure'
  | 'impersonation'
  | 'false_legal'
  | 'insult'
  | 'collection_fee'
  | 'payee'
  | 'new_borrowing'
  | 'pressure'
  | 'legal_action'
  | 'debt_mention';

/** A placement's own term: matched literally (case-insensitive), never as a regular expression. */
export interface ExtraTerm {
  phrase: string;
  category: LexiconCategory;
}

export interface Policy {
  preset: PresetId;
  /** e.g. `us-regf@2026.1` or `us-regf@2026.1+3f9a0c1d` when tightened. */
  version: string;
  defaultTimezone: string;
  rules: Record<string, RuleLevel>;
  /** Allowed contact window, borrower-local, [start, end). */
  hours: { start: string; end: string; channels: Channel[] };
  holidays: { mode: HolidayMode; calendar: HolidayCalendar; channels: Channel[] };
  limits: PolicyLimits;
  lexicon: { extraTerms: ExtraTerm[] };
}

/** A policy given as data: a preset id plus any tightening (a full exported Policy is accepted too). */
export interface PolicyInput {
  preset: PresetId;
  [key: string]: unknown;
}
