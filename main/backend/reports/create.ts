/**
 * Builds, signs and stores the next progress report of a placement, and queues it for the lender
 * in the same transaction. The report carries every chain link since the placement's previous
 * report, so each record reaches the lender in exactly one report and gaps are detectable.
 */
import { AppError } from '../../../common/api/result';
import { canonicalJson } from '../../../common/domain/chain/canonical';
import { GENESIS_POINT, type ChainPoint } from '../../../common/domain/chain/verify';
import type { ChainEntry, ChainRecord } from '../../../common/domain/chain/record';
import { buildReportFrame } from '../../../common/domain/report/build';
import { continuityProblem, periodProblem } from '../../../common/domain/report/period';
import { spliceJoinedLinks } from '../../../common/domain/report/text';
import { addTally, emptySummary, tallyOf, TallySchema } from '../../../common/domain/report/summary';
import { ProgressReportSchema, type ReportSummary } from '../../../common/protocol/report';
import { newId } from '../../../common/ids';
import { auditRepo } from '../../../db/repos/audit';
import { chainRepo, type ChainRow } from '../../../db/repos/chain';
import { outboxRepo } from '../../../db/repos/outbox';
import { reportsRepo, type ReportRow } from '../../../db/repos/reports';
import type { AppContext } from '../context';
import type { Signer } from '../sync/identity';
import { lastTreeHead, type TreeHead } from '../sync/log-head';

export const OUTBOX_KIND_REPORT = 'report';

export interface CreateReportInput {
  placementId: string;
  /** ISO instants; default: from the previous report's end (or the placement start) to now. */
  from?: string;
  to?: string;
}

export interface ReportInfo {
  id: string;
  placementId: string;
  seq: number;
  periodFrom: string;
  periodTo: string;
  createdAt: string;
  chainHead: ChainPoint;
  records: number;
  acknowledgedAt: string | null;
}

export function entryFromRow(row: ChainRow): ChainEntry {
  return { record: JSON.parse(row.canonical) as ChainRecord, prevHash: row.prev_hash, hash: row.hash };
}

export function reportInfo(row: ReportRow, acknowledgedAt: string | null): ReportInfo {
  const report = ProgressReportSchema.parse(JSON.parse(row.canonical));
  return {
    id: row.id,
    placementId: row.placement_id,
    seq: row.seq,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    createdAt: row.created_at,
    chainHead: report.chain.head,
    records: report.summary.records,
    acknowledgedAt,
  };
}

export function headOfReport(row: ReportRow): ChainPoint {
  return ProgressReportSchema.parse(JSON.parse(row.canonical)).chain.head;
}

/** The chain seq of a previous report's head: 0 for the genesis, else its record, which must exist. */
function seqOfHead(hash: string, seq: number | undefined): number {
  if (seq !== undefined) return seq;
  if (hash === GENESIS_POINT.hash) return 0;
  throw new AppError('INTERNAL', `the previous report ends at chain record ${hash}, which the chain no longer holds`);
}

export function createReport(ctx: AppContext, signer: Signer, input: CreateReportInput): ReportInfo {
  if (signer.workstationId !== ctx.workstationId) {
    throw new AppError('CONFLICT', `the signing key belongs to workstation ${signer.workstationId}, not ${ctx.workstationId}`, undefined, { key: 'report.foreignKey' });
  }
  const run = ctx.db.transaction((): ReportInfo => {
    const reports = reportsRepo(ctx.db);
    const chain = chainRepo(ctx.db);
    const placement = reports.placement(input.placementId);
    if (!placement) throw new AppError('NOT_FOUND', `no placement ${input.placementId}`, undefined, { key: 'placement.notFound' });
    // The previous report's head, from its row (the chain's hash index), not by re-reading the report.
    const prev = reports.latestMetaForPlacement(input.placementId);
    const start = prev ? { seq: seqOfHead(prev.chain_head, reports.chainSeqOfHash(prev.chain_head)), hash: prev.chain_head } : startBeforeFirstRecord(ctx, input.placementId);
    const head = chain.head() ?? GENESIS_POINT;
    const now = ctx.clock.now().toISOString();
    const firstOwn = chain.firstAt(input.placementId, start.seq, head.seq);
    const startOfPlacement = `${placement.start_date}T00:00:00.000Z`;
    const from = input.from ?? prev?.period_to ?? (firstOwn && firstOwn < startOfPlacement ? firstOwn : startOfPlacement);
    const to = input.to ?? periodEnd(from, now);
    const period = periodProblem({ period: { from, to }, createdAt: now }) ?? continuityProblem({ period: { from, to }, createdAt: now }, prev?.period_to);
    if (period) throw new AppError('VALIDATION', period.message, undefined, { key: 'report.periodReversed' });
    const links = chain.joinedLinks(input.placementId, start.seq, head.seq);
    const complete = links.count === head.seq - start.seq && (links.count === 0 || (links.first === start.seq + 1 && links.last === head.seq));
    if (!complete) throw new AppError('INTERNAL', `the chain does not hold every record from ${start.seq + 1} to ${head.seq} (${links.count} found)`);
    const report = buildReportFrame({
      id: newId(),
      workstationId: ctx.workstationId,
      placementId: input.placementId,
      seq: (prev?.seq ?? 0) + 1,
      period: { from, to },
      createdAt: now,
      start,
      head: head.seq > start.seq ? { seq: head.seq, hash: head.hash } : start,
      taggedFrom: chain.taggedFrom(),
      auditHead: auditHeadOf(ctx),
      ...logHeadOf(ctx),
      summary: summaryOfRun(chain, input.placementId, start.seq, head.seq, from),
    });
    const frame = canonicalJson(report);
    const signature = signer.sign(spliceJoinedLinks(frame, links.bytes));
    const row: ReportRow = {
      id: report.id,
      placement_id: report.placementId,
      seq: report.seq,
      period_from: from,
      period_to: to,
      created_at: now,
      canonical: frame,
      signature_b64: Buffer.from(signature).toString('base64'),
      chain_head: report.chain.head.hash,
      links_in_chain: 1,
    };
    reports.insert(row);
    outboxRepo(ctx.db).insert({
      id: newId(),
      kind: OUTBOX_KIND_REPORT,
      ref_id: report.id,
      payload_json: JSON.stringify({ placementId: report.placementId, seq: report.seq }),
      created_at: now,
    });
    return {
      id: row.id,
      placementId: row.placement_id,
      seq: row.seq,
      periodFrom: from,
      periodTo: to,
      createdAt: now,
      chainHead: report.chain.head,
      records: report.summary.records,
      acknowledgedAt: null,
    };
  });
  return run.immediate();
}

/** The audit log's head now (seq 0 and the genesis hash while it is empty), anchored by the report. */
function auditHeadOf(ctx: AppContext): ChainPoint {
  const head = auditRepo.head(ctx.db);
  return head ? { seq: head.seq, hash: head.hash } : GENESIS_POINT;
}

/** The last lender log head this workstation saw, when it has seen one. */
function logHeadOf(ctx: AppContext): { logHead?: TreeHead } {
  const head = lastTreeHead(ctx.db);
  return head ? { logHead: head } : {};
}

/**
 * The default end of a period: now. A period is never empty (from < to), so a report made while
 * the clock has not passed the previous one's end (several in one millisecond) ends 1 ms after it
 * starts: within the stated clock skew (common/domain/report/period.ts), which refuses anything more.
 */
function periodEnd(from: string, now: string): string {
  const start = Date.parse(from);
  return Date.parse(now) > start ? now : new Date(start + 1).toISOString();
}

/** The figures of the placement's records in the run, from their stored tallies (records chained before tallies were kept are read). */
function summaryOfRun(chain: ReturnType<typeof chainRepo>, placementId: string, afterSeq: number, toSeq: number, from: string): ReportSummary {
  const s = emptySummary();
  let untallied = false;
  for (const group of chain.tallies(placementId, afterSeq, toSeq, from)) {
    if (group.tally === null) untallied = true;
    else addTally(s, TallySchema.parse(JSON.parse(group.tally)), group.n, group.late === 1);
  }
  if (untallied) {
    for (const row of chain.untallied(placementId, afterSeq, toSeq)) addTally(s, tallyOf(JSON.parse(row.canonical) as ChainRecord), 1, row.at < from);
  }
  return s;
}

/** The first report of a placement starts just before its first record, not at genesis (other placements' history stays out). */
function startBeforeFirstRecord(ctx: AppContext, placementId: string): ChainPoint {
  const chain = chainRepo(ctx.db);
  const first = reportsRepo(ctx.db).firstChainSeq(placementId);
  if (first === null) return chain.head() ?? GENESIS_POINT;
  const row = chain.bySeq(first);
  if (!row) throw new AppError('INTERNAL', `chain record ${first} vanished`);
  return { seq: first - 1, hash: row.prev_hash };
}
