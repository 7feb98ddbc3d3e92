/**
 * Resolves ids in export rows to what a reader needs (case reference, placement, borrower,
 * collector) and masks personal data unless the export is unmasked. Case and contact lookups are
 * cached: a million activities touch far fewer cases, and each lookup is a B-tree probe.
 */
import { maskContact, maskName } from '../../../common/domain/privacy/mask';
import type { Db } from '../../../db/open';
import { lookups, reportingRepo, type CaseLabelRow, type ContactPointKind } from '../../../db/repos/reporting';
import { csvText, csvTextRecord } from './writers/csv-text';

export interface CaseLabel {
  reference: string;
  placement: string;
  borrower: string;
}

const caseLabel = (reference: string, placement: string, borrower: string): CaseLabel => ({ reference, placement, borrower });

/** A case's three labels as CSV fields: quoted once per case, not once per row of a CSV export. */
const csvOf = (l: CaseLabel): string => csvTextRecord([l.reference, l.placement, l.borrower]);

/** Bounded so an export over every case of a large agency keeps a flat memory profile. */
const CACHE_LIMIT = 250_000;
const REDACTED = '〔已隐去 redacted〕';

/**
 * What the labels are for: cells (XLSX, PDF, CSV from cells) use caseOf; CSV records use caseCsv.
 * A preload fills only the one the export uses: a case's CSV text alone is about half the memory
 * of its whole label, which counts twice when an export runs on two threads (split/).
 */
export type LabelUse = 'cells' | 'csv';

export class Labels {
  private readonly cases = new Map<string, CaseLabel>();
  private readonly casesCsv = new Map<string, string>();
  private readonly contacts = new Map<string, string>();
  private readonly users: Map<string, string>;
  private readonly usersCsv: Map<string, string>;

  constructor(
    private readonly db: Db,
    readonly masked: boolean,
    private readonly use: LabelUse = 'cells',
  ) {
    this.users = new Map(reportingRepo.users(db).map((u) => [u.id, u.display_name]));
    this.usersCsv = new Map([...this.users].map(([id, name]) => [id, csvText(name)]));
  }

  /**
   * Loads every case's label in one sequential pass when an export has many more rows than the
   * agency has cases (and they fit the cache): one scan instead of a random probe per case.
   */
  preloadCasesFor(rows: number): void {
    const cases = lookups.caseCount(this.db);
    if (cases > CACHE_LIMIT || rows < 2 * cases) return;
    for (const row of lookups.allCaseLabels(this.db)) {
      if (this.use === 'csv') this.casesCsv.set(row.id, csvOf(this.labelOf(row)));
      else this.cases.set(row.id, this.labelOf(row));
    }
  }

  /** Puts one contact point in the contact cache (an export's preload), while the cache has room. */
  preloadContact(id: string, kind: ContactPointKind, value: string): void {
    if (this.contacts.size < CACHE_LIMIT) this.contacts.set(id, this.masked ? maskContact(kind, value) : value);
  }

  private labelOf(row: CaseLabelRow | undefined): CaseLabel {
    const name = row && row.purged_at === null ? row.borrower_name : '';
    return caseLabel(row?.reference ?? '', row?.placement_code ?? '', this.masked ? maskName(name) : name);
  }

  private lookupCase(caseId: string): CaseLabel {
    const row = lookups.caseLabel(this.db, caseId);
    return row ? this.labelOf(row) : caseLabel(caseId, '', '');
  }

  caseOf(caseId: string): CaseLabel {
    let label = this.cases.get(caseId);
    if (label) return label;
    label = this.lookupCase(caseId);
    if (this.cases.size >= CACHE_LIMIT) this.cases.clear();
    this.cases.set(caseId, label);
    return label;
  }

  /** caseOf(caseId) as three CSV fields: reference, placement, borrower. */
  caseCsv(caseId: string): string {
    let csv = this.casesCsv.get(caseId);
    if (csv !== undefined) return csv;
    csv = csvOf(this.lookupCase(caseId));
    if (this.casesCsv.size >= CACHE_LIMIT) this.casesCsv.clear();
    this.casesCsv.set(caseId, csv);
    return csv;
  }

  contact(id: string | null): string {
    if (id === null) return '';
    let value = this.contacts.get(id);
    if (value !== undefined) return value;
    const row = lookups.contactPoint(this.db, id);
    value = row ? (this.masked ? maskContact(row.kind, row.value) : row.value) : '';
    if (this.contacts.size >= CACHE_LIMIT) this.contacts.clear();
    this.contacts.set(id, value);
    return value;
  }

  user(id: string | null): string {
    return id === null ? '' : (this.users.get(id) ?? id);
  }

  /** user(id) as a CSV field. */
  userCsv(id: string | null): string {
    return id === null ? '' : (this.usersCsv.get(id) ?? csvText(id));
  }

  /** Free text may name people or give numbers: masked exports keep only whether there was any. */
  text(value: string | null): string {
    if (value === null || value.trim() === '') return '';
    return this.masked ? REDACTED : value;
  }
}
