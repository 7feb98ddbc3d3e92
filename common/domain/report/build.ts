/**
 * Builds a progress report's content from a run of the workstation chain: records of the
 * placement travel in full, others are elided (seq + hash; from `taggedFrom` on also their
 * placement tag and record digest) so the linkage stays checkable without leaking another
 * lender's data.
 */
import { canonicalBytes } from '../chain/canonical';
import type { Sha256 } from '../chain/hash';
import type { ChainEntry } from '../chain/record';
import { placementTag, recordDigest } from '../chain/tagged';
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
  /** The workstation's first chain seq hashed with the tagged formula; absent for a formula-1 chain. */
  taggedFrom?: number;
  /** The workstation's audit log head at report time. */
  auditHead?: ChainPoint;
  /** The last lender log head the workstation saw (tree size and root). */
  logHead?: { treeSize: number; rootHash: string };
}

export interface BuildReportInput extends ReportHeader {
  /** Every chain entry after `start` up to the head, in order (all placements). */
  entries: readonly ChainEntry[];
  /** Needed to tag elided links when `taggedFrom` is given. */
  sha256?: Sha256;
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
    ...(input.auditHead === undefined ? {} : { auditHead: { ...input.auditHead } }),
    ...(input.logHead === undefined ? {} : { logHead: { ...input.logHead } }),
    summary: input.summary,
    chain: { start: { ...input.start }, head: { ...input.head }, ...(input.taggedFrom === undefined ? {} : { taggedFrom: input.taggedFrom }), links: [] },
  };
}

export function buildReport(input: BuildReportInput): ProgressReport {
  const { entries, sha256, ...header } = input;
  const elide = (e: ChainEntry): ProgressReport['chain']['links'][number] => {
    const link = { seq: e.record.seq, hash: e.hash };
    if (input.taggedFrom === undefined || e.record.seq < input.taggedFrom) return link;
    if (!sha256) throw new Error('buildReport: tagging elided links needs sha256');
    return { ...link, tag: placementTag(e.record.placementId, sha256), digest: recordDigest(canonicalBytes(e.record), sha256) };
  };
  const links: ProgressReport['chain']['links'] = entries.map((e) =>
    e.record.placementId === input.placementId ? { seq: e.record.seq, hash: e.hash, record: e.record } : elide(e),
  );
  const last = entries.at(-1);
  const head = last ? { seq: last.record.seq, hash: last.hash } : input.start;
  const own = entries.filter((e) => e.record.placementId === input.placementId).map((e) => e.record);
  const frame = buildReportFrame({ ...header, head, summary: summarize(own, input.period.from) });
  return { ...frame, chain: { ...frame.chain, links } };
}
