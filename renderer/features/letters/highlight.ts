/** Splits a merged letter into plain and flagged segments for highlighting lint findings. */
import type { LintFinding } from '../../../common/api/types';

export interface Segment {
  text: string;
  /** Index into the findings list, or null for plain text. */
  finding: number | null;
}

/** Locate each finding: trust its offsets when they match its text, else search for the text. */
export function locate(body: string, findings: readonly LintFinding[]): { start: number; end: number; index: number }[] {
  const spans: { start: number; end: number; index: number }[] = [];
  findings.forEach((f, index) => {
    let start = f.start;
    let end = f.end;
    if (body.slice(start, end) !== f.text) {
      const at = f.text ? body.indexOf(f.text) : -1;
      if (at < 0) return;
      start = at;
      end = at + f.text.length;
    }
    if (end > start) spans.push({ start, end, index });
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlaps: keep the earlier span; the later finding is still listed below the letter.
  const out: typeof spans = [];
  for (const s of spans) if (!out.length || s.start >= out[out.length - 1]!.end) out.push(s);
  return out;
}

export function segments(body: string, findings: readonly LintFinding[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const s of locate(body, findings)) {
    if (s.start > pos) out.push({ text: body.slice(pos, s.start), finding: null });
    out.push({ text: body.slice(s.start, s.end), finding: s.index });
    pos = s.end;
  }
  if (pos < body.length) out.push({ text: body.slice(pos), finding: null });
  return out;
}
