/**
 * Checks a report's content without its signature (that needs a crypto library): shape,
 * chain continuity from start to head, records belonging to the report's placement and
 * workstation, no record of its own placement elided, a sane period (period.ts; contiguity needs
 * the previous report, so the lender checks it), and summary figures matching the records.
 * Returns the first problem, precisely.
 */
import type { Sha256 } from '../chain/hash';
import type { ChainRecord } from '../chain/record';
import { verifyChain, type ChainBreak } from '../chain/verify';
import { placementTag } from '../chain/tagged';
import { CanonicalizeError, canonicalJson } from '../chain/canonical';
import { ProgressReportSchema, type ProgressReport } from '../../protocol/report';
import { periodProblem } from './period';
import { summarize } from './summary';

export type ReportProblem =
  | { code: 'NOT_JSON'; message: string }
  | { code: 'BAD_SHAPE'; message: string; issues: { path: string; message: string }[] }
  | { code: 'NOT_CANONICAL'; message: string }
  | { code: 'CHAIN_BROKEN'; message: string; break: ChainBreak }
  | { code: 'FOREIGN_RECORD'; message: string; seq: number }
  | { code: 'OWN_RECORD_ELIDED'; message: string; seq: number }
  | { code: 'PERIOD_INVALID'; message: string }
  | { code: 'ELISION_UNPROVEN'; message: string; seq: number }
  | { code: 'SUMMARY_MISMATCH'; message: string; expected: string; actual: string };

export type ReportCheck = { ok: true; report: ProgressReport } | { ok: false; problem: ReportProblem };

/** Parses the exact report text; it must be its own canonical form (what was signed is what is read). */
export function parseReportText(text: string): ReportCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: { code: 'NOT_JSON', message: `report is not JSON: ${(err as Error).message}` } };
  }
  const parsed = ProgressReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return {
      ok: false,
      problem: { code: 'BAD_SHAPE', message: `report does not match the format: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`, issues },
    };
  }
  let canonical: string;
  try {
    canonical = canonicalJson(raw);
  } catch (err) {
    if (!(err instanceof CanonicalizeError)) throw err;
    return { ok: false, problem: { code: 'NOT_CANONICAL', message: `report text has no RFC 8785 canonical form: ${err.message}` } };
  }
  if (canonical !== text) {
    return { ok: false, problem: { code: 'NOT_CANONICAL', message: 'report text is not in RFC 8785 canonical form' } };
  }
  return { ok: true, report: parsed.data };
}

export function checkReportContent(report: ProgressReport, sha256: Sha256): ReportCheck {
  const period = periodProblem(report);
  if (period) return { ok: false, problem: { code: 'PERIOD_INVALID', message: period.message } };
  const { start, head, links, taggedFrom } = report.chain;
  if (taggedFrom !== undefined && taggedFrom > head.seq + 1) {
    // A workstation states the switch once it has made it, so it is never past this report's run.
    return {
      ok: false,
      problem: { code: 'ELISION_UNPROVEN', seq: taggedFrom, message: `the report says the tagged chain formula starts at seq ${taggedFrom}, after its head ${head.seq}` },
    };
  }
  const verdict = verifyChain(links, sha256, start, head, taggedFrom);
  if (!verdict.ok) {
    const b = verdict.break;
    if (b.kind === 'untagged_elision') return { ok: false, problem: { code: 'ELISION_UNPROVEN', seq: b.seq, message: b.message } };
    return { ok: false, problem: { code: 'CHAIN_BROKEN', message: b.message, break: b } };
  }
  const ownTag = placementTag(report.placementId, sha256);
  for (const link of links) {
    if (!link.record && link.tag === ownTag) {
      return {
        ok: false,
        problem: { code: 'OWN_RECORD_ELIDED', seq: link.seq, message: `seq ${link.seq}: a record of this report's own placement is elided; the report must show it in full` },
      };
    }
  }
  const own: ChainRecord[] = [];
  for (const link of links) {
    if (!link.record) continue;
    if (link.record.placementId !== report.placementId || link.record.workstationId !== report.workstationId) {
      return {
        ok: false,
        problem: { code: 'FOREIGN_RECORD', seq: link.seq, message: `seq ${link.seq}: the record belongs to another placement or workstation` },
      };
    }
    own.push(link.record);
  }
  const expected = canonicalJson(summarize(own, report.period.from));
  const actual = canonicalJson(report.summary);
  if (expected !== actual) {
    return {
      ok: false,
      problem: { code: 'SUMMARY_MISMATCH', expected, actual, message: `summary figures do not match the records: expected ${expected}, report says ${actual}` },
    };
  }
  return { ok: true, report };
}
