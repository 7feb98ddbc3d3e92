/**
 * Builds a progress report's content from a run of the workstation chain: records of the
 * placement travel in full, others are elided to seq + hash so the linkage stays checkable
 * without leaking another lender's data.
 */
import type { ChainEntry } from '../chain/record';
import type { ChainPoint } from '../chain/verify';
import { REPORT_FORMAT, type ProgressReport } from '../../protocol/report';
import { summarize } from './summary';

export interface BuildReportInput {
  id: string;
  workstationId: string;
  placementId: string;
  seq: number;
  period: { from: string; to: string };
  createdAt: string;
  /** The chain point the run continues from. */
  start: ChainPoint;
  /** Every chain entry after `start` up to the head, in order (all placements). */
  entries: readonly ChainEntry[];
}

export function buildReport(input: BuildReportInput): ProgressReport {
  const links: ProgressReport['chain']['links'] = input.entries.map((e) =>
    e.record.placementId === input.placementId
      ? { seq: e.record.seq, hash: e.hash, record: e.record }
      : { seq: e.record.seq, hash: e.hash },
  );
  const last = input.entries.at(-1);
  const head = last ? { seq: last.record.seq, hash: last.hash } : { ...input.start };
  const own = input.entries.filter((e) => e.record.placementId === input.placementId).map((e) => e.record);
  return {
    format: REPORT_FORMAT,
    id: input.id,
    workstationId: input.workstationId,
    placementId: input.placementId,
    seq: input.seq,
    period: { ...input.period },
    createdAt: input.createdAt,
    summary: summarize(own, input.period.from),
    chain: { start: { ...input.start }, head, links },
  };
}
