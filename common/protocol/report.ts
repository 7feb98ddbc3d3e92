/**
 * The progress report (format casedesk.progress-report/1). Its RFC 8785 canonical bytes are what the
 * workstation signs, what report.json holds, and what the lender appends to its Merkle log.
 */
import { z } from 'zod';
import { ChainPointSchema, ChainRecordSchema, HashHex, Instant, Minor, ProtocolId, Seq } from './primitives';

export const REPORT_FORMAT = 'casedesk.progress-report/1';

const Count = z.number().int().min(0);

export const ReportSummarySchema = z.strictObject({
  attemptsByChannel: z.strictObject({ call: Count, sms: Count, email: Count, letter: Count, visit: Count }),
  rightPartyContacts: Count,
  promisesMade: Count,
  promisesKept: Count,
  /** Minor units per ISO 4217 currency; reversals are negative records and net out. */
  amountsCollected: z.record(z.string().regex(/^[A-Z]{3}$/), Minor),
  complaintsOpened: Count,
  complaintsResolved: Count,
  guardrailBlocks: Count,
  guardrailOverrides: Count,
  activitiesAfterRecall: Count,
  /** Records of this placement in the report. */
  records: Count,
  /** Records first chained in this report but dated before the period (logged late). */
  lateRecords: Count,
  /**
   * The account ledger (issue 13), per currency, present only when the period has such records:
   * payments taken back (returned, charged back), amounts written off (settlement discounts,
   * write-offs, recalls), and the net change in what borrowers owe (payments, reversals,
   * adjustments, discounts). The lender knows what it placed, so placed + Σ owedChange is outstanding.
   */
  amountsReversed: z.record(z.string().regex(/^[A-Z]{3}$/), Minor).optional(),
  amountsWrittenOff: z.record(z.string().regex(/^[A-Z]{3}$/), Minor).optional(),
  owedChange: z.record(z.string().regex(/^[A-Z]{3}$/), Minor).optional(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

export const ReportLinkSchema = z.strictObject({
  seq: Seq.min(1),
  hash: HashHex,
  /** Absent: a record of another placement, elided. */
  record: ChainRecordSchema.optional(),
  /** An elided link from `chain.taggedFrom` on: its placement tag and record digest (lender/PROTOCOL.md, "The chain"). */
  tag: HashHex.optional(),
  digest: HashHex.optional(),
});

export const ProgressReportSchema = z.strictObject({
  format: z.literal(REPORT_FORMAT),
  id: ProtocolId,
  workstationId: ProtocolId,
  placementId: ProtocolId,
  /** Per workstation and placement: 1, 2, 3, … */
  seq: Seq.min(1),
  period: z.strictObject({ from: Instant, to: Instant }),
  createdAt: Instant,
  /**
   * The workstation's audit log head when the report was made (seq 0 and 64 zeros while empty):
   * anchored by the lender's receipt, so a later rewrite of the audit log before it shows.
   * Absent in reports made before it was added.
   */
  auditHead: ChainPointSchema.optional(),
  /**
   * The largest lender log head (from lender-signed receipts) the workstation had seen when it made
   * the report: colleagues pulling the report check their own against it (one log for everyone).
   */
  logHead: z.strictObject({ treeSize: Seq, rootHash: HashHex }).optional(),
  summary: ReportSummarySchema,
  chain: z.strictObject({
    /** Where this report's links begin: the previous report's head (or the chain before the placement's first record). */
    start: ChainPointSchema,
    head: ChainPointSchema,
    /** The workstation's first chain seq hashed with the tagged formula (2); absent in reports made before it. */
    taggedFrom: Seq.min(1).optional(),
    links: z.array(ReportLinkSchema),
  }),
});
export type ProgressReport = z.infer<typeof ProgressReportSchema>;

/** What the workstation POSTs to /v1/reports. */
export const PushReportBody = z.strictObject({
  report: z.string().min(2).max(50_000_000),
  signature: z.string().min(1),
});
export type PushReportBody = z.infer<typeof PushReportBody>;

export { HashHex };
