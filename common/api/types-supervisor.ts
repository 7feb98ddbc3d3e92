/**
 * Output types of the `supervisor` and `exports` namespaces. Figures are counted from this
 * workstation's own database (`source: 'local'`); `asOf` says when they were computed.
 */
import type { Money } from './types';

export type AttemptChannel = 'call' | 'sms' | 'email' | 'letter' | 'visit';

/** Outbound contact attempts (notes and inbound contacts are not attempts). */
export type AttemptsByChannel = Record<AttemptChannel, number>;

export interface PerformanceFigures {
  attemptsByChannel: AttemptsByChannel;
  attempts: number;
  /** Contacts with the borrower that connected (any channel, either direction). */
  rightPartyContacts: number;
  /** rightPartyContacts / attempts; null when there were no attempts. */
  rightPartyRate: number | null;
  /** Promises to pay recorded in the period. */
  promisesMade: number;
  /** promisesMade / rightPartyContacts; null without right-party contacts. */
  promiseRate: number | null;
  /** Promises falling due in the period whose outcome is known (kept, partial or broken). */
  promisesDue: number;
  promisesKept: number;
  /** promisesKept / promisesDue; null when none fell due. */
  promiseKeptRate: number | null;
  /** Payments received in the period (reversals negative), one entry per currency. */
  collected: Money[];
  guardrail: { warnings: number; blocks: number; overridesRequested: number; overridesApproved: number };
  /** opened: in the period; open and overdue: now (overdue = open past its response deadline). */
  complaints: { opened: number; open: number; overdue: number };
}

export interface CollectorFigures extends PerformanceFigures {
  collector: { id: string; username: string; displayName: string };
}

export interface PlacementFigures extends PerformanceFigures {
  placement: { id: string; code: string; name: string; currency: string };
  /** Collected in the placement's currency, against its target. */
  collectedMinor: number;
  targetMinor: number;
  /** collectedMinor / targetMinor; null when the placement has no target. */
  targetProgress: number | null;
}

export interface DashboardView {
  period: { from: string; to: string };
  placementId: string | null;
  /** Where the figures come from: this workstation's database (not the lender's). */
  source: 'local';
  /** When the figures were computed (UTC instant). */
  asOf: string;
  /** The agency's time zone (IANA): the period's days are its calendar days. */
  timeZone: string;
  /** The calendar day of `asOf` in that zone: what "today" and "this week" count from. */
  today: string;
  collectors: CollectorFigures[];
  placements: PlacementFigures[];
  team: PerformanceFigures;
  /** Other workstations' work, from their verified reports (see RemoteTeamView). */
  remote: RemoteTeamView;
  /** The counted rows checked against their chain records (absent from builds before the check). */
  integrity?: RecordIntegrity;
}

/** A counted row that its signed chain record does not back: changed since it was chained, or never chained. */
export interface RecordMismatch {
  kind: 'activity' | 'payment';
  id: string;
  caseId: string;
  placementId: string;
  problem: 'differs' | 'unrecorded';
}

/**
 * The rows behind the figures (activities and payments of the period and scope) checked against
 * the chain records they were chained with. Any mismatch means the figures count edited rows.
 */
export interface RecordIntegrity {
  checkedAgainst: 'chain';
  activitiesChecked: number;
  paymentsChecked: number;
  mismatches: number;
  /** The first few, for the screen and the manifest. */
  examples: RecordMismatch[];
}

export interface TeamMember {
  id: string;
  username: string;
  displayName: string;
  role: 'collector' | 'supervisor' | 'admin';
  disabled: boolean;
  /** Cases assigned now that are still being worked (open, promise, plan). */
  openCases: number;
}

export type ExportKind = 'activities' | 'ledger' | 'conduct' | 'performance';
export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
export type ExportState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportJobView {
  jobId: string;
  kind: ExportKind;
  format: ExportFormat;
  period: { from: string; to: string };
  placementId: string | null;
  masked: boolean;
  state: ExportState;
  /** Rows written so far, and the rows the export will hold (known from the start). */
  rows: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  /** Absolute paths, once done. */
  file?: string;
  manifestFile?: string;
  error?: string;
}

/**
 * Work done on other workstations of the agency, from their signed progress reports pulled through
 * the lender and verified on this workstation (signature, canonical text, chain, summary).
 */
export interface RemoteWorkstationFigures {
  workstationId: string;
  placementId: string;
  placementCode: string | null;
  reports: number;
  attemptsByChannel: AttemptsByChannel;
  rightPartyContacts: number;
  promisesMade: number;
  promisesKept: number;
  collected: Money[];
  complaintsOpened: number;
  complaintsResolved: number;
  guardrailBlocks: number;
  guardrailOverrides: number;
  /** The newest report's period end: how fresh these figures are. */
  coveredUntil: string;
}

export interface RemoteTeamView {
  source: 'lender-verified-reports';
  /** When this workstation last stored a verified team report; null if it never has. */
  lastPulledAt: string | null;
  workstations: RemoteWorkstationFigures[];
}
