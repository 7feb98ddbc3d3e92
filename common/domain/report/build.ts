/**
 * Builds a progress report's content from a run of the workstation chain: records of the
 * placement travel in full, others are elided to seq + hash so the linkage stays checkable
 * without leaking another lender's data.
 */
import type { ChainEntry } from '../chain/record';
import type { ChainPoint } from '../chain/verify';
import { REPORT_FORMAT, type ProgressReport, type ReportSummary } from '../../protocol/report';
import { summarize } from './summary';

export interface ReportHeader {
  id: string;
  workstationId: string;
  placementId: string;
  seq: number;
  period: { from: string; to: string };
  createdAt: string;
  /** The chain point the run continues from. */
  start: ChainPoint;
}

export interface BuildReportInput extends ReportHeader {
  /** Every chain entry after `start` up to the head, in order (all placements). */
  entries: readonly ChainEntry[];
}

export interface BuildFrameInput extends ReportHeader {
  /** The last chain point of the run (`start` when the run is empty). */
  head: ChainPoint;
  /** The figures of the run's records of this placement (summarize, or the same from stored tallies). */
  summary: ReportSummary;
}

/** The report with an empty `links` array: everything but the links, which text.ts splices in. */
export function buildReportFrame(input: BuildFrameInput): ProgressReport {
  return {
    format: REPORT_FORMAT,
    id: input.id,
    workstationId: input.workstationId,
    placementId: input.placementId,
    seq: input.seq,
    period: { ...input.period },
    createdAt: input.createdAt,
    summary: input.summary,
    chain: { start: { ...input.start }, head: { ...input.head }, links: [] },
  };
}

export function buildReport(input: BuildReportInput): ProgressReport {
  const { entries, ...header } = input;
  const links: ProgressReport['chain']['links'] = entries.map((e) =>
    e.record.placementId === input.placementId
      ? { seq: e.record.seq, hash: e.hash, record: e.record }
      : { seq: e.record.seq, hash: e.hash },
  );
  const last = entries.at(-1);
  const head = last ? { seq: last.record.seq, hash: last.hash } : input.start;
  const own = entries.filter((e) => e.record.placementId === input.placementId).map((e) => e.record);
  const frame = buildReportFrame({ ...header, head, summary: summarize(own, input.period.from) });
  return { ...frame, chain: { ...frame.chain, links } };
}
