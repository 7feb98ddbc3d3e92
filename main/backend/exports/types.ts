/**
 * The export engine's vocabulary. An ExportRequest is plain data (it crosses into a worker
 * thread); sections are built from it inside whichever thread runs the export.
 */
import type { Money } from '../../../common/api/types';
import type { DbCipher } from '../../../db/open';
import type { ExportFormat, ExportKind } from '../../../common/api/types-supervisor';
import type { RecordIntegrity } from '../../../common/api/types-supervisor';

export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  /** Whole days of `timeZone`, both inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  /** The agency's time zone (IANA), whose calendar days the period counts. */
  timeZone: string;
  placementId: string | null;
  /** User ids whose work the export covers (the caller's team, or everyone for an admin). */
  scope: string[];
  /** Collectors listed in the performance / conduct summaries even without activity. */
  collectors: string[];
  /** False only when the caller gave a reason to reveal personal data (audited by the caller). */
  masked: boolean;
  exportedBy: { id: string; username: string; displayName: string };
  /** UTC instant the export was requested; also the "now" of snapshot figures. */
  exportedAt: string;
  workstationId: string;
  dbFile: string;
  /** Hex of the 32-byte database key when the database is encrypted. */
  dbKeyHex?: string;
  /** With dbKeyHex, for a folder encrypted by an earlier build: its key store's cipher (default AEGIS-256). */
  dbCipher?: DbCipher;
  nativeBinding?: string;
  outFile: string;
}

export type ColumnType = 'text' | 'int' | 'money' | 'instant' | 'date' | 'percent' | 'bool';
export type Cell = string | number | boolean | null | Money;

export interface Column {
  header: string;
  type: ColumnType;
  /** Relative width for PDF tables and XLSX columns (characters, roughly). */
  width: number;
}

export interface BarChart {
  title: string;
  unit: 'count' | 'percent';
  bars: { label: string; values: number[] }[];
  /** One legend entry per value of a bar. */
  series: string[];
}

export interface Section {
  title: string;
  columns: Column[];
  /** Known before the first row is written (COUNT(*) over the same WHERE), for progress. */
  total: number;
  rows: () => Iterable<Cell[]>;
  /**
   * The same rows as CSV records (fields quoted as csvField does, no line end), for a section of
   * many rows: it can keep its labels quoted once instead of turning every row into cells first.
   * When present the CSV writer uses it; it must give exactly the text rows() would (tested).
   */
  csvRecords?: () => Iterable<string>;
  /**
   * The rest of this section's rows, written by another thread into a file of its own (split/):
   * the CSV writer appends them after csvRecords'. The section's total counts them.
   */
  csvAfter?: CsvPart;
  /** Figures drawn as bar charts in the PDF. */
  charts?: BarChart[];
  /** The PDF ends the table with a totals row (counts and single-currency amounts summed). */
  totals?: boolean;
}

/** Rows of a section that another thread writes as CSV (split/), to be appended after the section's own. */
export interface CsvPart {
  /** Rows written so far, for progress. */
  rowsDone(): number;
  /** Resolves with the part's file (complete, CRLF-terminated records) and its row count. */
  finished(): Promise<{ file: string; rows: number }>;
}

export interface SectionResult {
  title: string;
  rows: number;
  /** Set when a PDF lists only the first rows of a long section (CSV/XLSX hold all of them). */
  truncatedAt?: number;
}

export interface ExportOutcome {
  file: string;
  rows: number;
  sections: SectionResult[];
  sha256: string;
  bytes: number;
  /** Threads that wrote the rows: 2 when a large activities CSV export was split (split/). */
  threads: 1 | 2;
  /** The counted rows checked against their chain records (figure and ledger exports; see run.ts). */
  integrity?: RecordIntegrity;
}

export type ProgressFn = (rowsDone: number, total: number) => void;

export class ExportCancelledError extends Error {
  override readonly name = 'ExportCancelledError';
  constructor() {
    super('the export was cancelled');
  }
}

/** Shown on every PDF page and on the XLSX "About" sheet. */
export function watermarkOf(req: ExportRequest): string {
  return `Exported by ${req.exportedBy.username} at ${req.exportedAt.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z')} · ${req.workstationId}`;
}

export const KIND_TITLES: Record<ExportKind, string> = {
  activities: '联系记录 Activity log',
  ledger: '账务记录 Ledger: payments and promises',
  conduct: '合规记录 Conduct: guardrails, overrides, complaints',
  performance: '团队绩效 Team performance',
};
