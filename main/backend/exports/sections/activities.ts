/** Activity log: every contact attempt, message, visit and note of the team in the period. */
import type { Db } from '../../../../db/open';
import { exportListings, type ReportParams } from '../../../../db/repos/reporting';
import type { Labels } from '../labels';
import type { Cell, CsvPart, Section } from '../types';
import { csvField, csvText } from '../writers/csv-text';

const yesNo = (flag: number): string => (flag === 1 ? 'yes' : 'no');

/**
 * When an export is split across threads (split/): the rows this thread writes as CSV (the period
 * up to the split point), the section's total and the part another thread writes after them.
 */
export interface OwnShare {
  p: ReportParams;
  total: number;
  after: CsvPart;
}

export function activitySections(db: Db, p: ReportParams, labels: Labels, share?: OwnShare): Section[] {
  // One pass counts the rows and finds the contact points they name, before any row is read.
  const own = share?.p ?? p;
  let counted = 0;
  for (const [id, n, kind, value] of exportListings.activities.contactPoints(db, own)) {
    counted += n;
    if (id !== null && kind !== null && value !== null) labels.preloadContact(id, kind, value);
  }
  const total = share?.total ?? counted;
  labels.preloadCasesFor(total);
  return [
    {
      title: '联系记录 Activities',
      columns: [
        { header: '时间 Time (UTC)', type: 'instant', width: 19 },
        { header: '案件 Case', type: 'text', width: 14 },
        { header: '委案 Placement', type: 'text', width: 11 },
        { header: '借款人 Borrower', type: 'text', width: 14 },
        { header: '催收员 Collector', type: 'text', width: 16 },
        { header: '渠道 Channel', type: 'text', width: 7 },
        { header: '方向 Direction', type: 'text', width: 8 },
        { header: '对象 Party', type: 'text', width: 10 },
        { header: '联系方式 Contact', type: 'text', width: 15 },
        { header: '结果 Result', type: 'text', width: 10 },
        { header: '结论 Outcome', type: 'text', width: 13 },
        { header: '告知 Disclosure', type: 'bool', width: 6 },
        { header: '核身 Identity', type: 'bool', width: 6 },
        { header: '备注 Text', type: 'text', width: 20 },
        { header: '来源 Source', type: 'text', width: 6 },
      ],
      total,
      // Every row of the period (XLSX, PDF and the CSV of cells are never split).
      *rows(): Iterable<Cell[]> {
        for (const [at, caseId, collectorId, channel, direction, party, contactPointId, result, outcome, text, disclosure, identity, source] of exportListings.activities.iterate(db, p)) {
          const c = labels.caseOf(caseId);
          yield [at, c.reference, c.placement, c.borrower, labels.user(collectorId), channel, direction, party, labels.contact(contactPointId), result, outcome, disclosure === 1, identity === 1, labels.text(text), source];
        }
      },
      // The CSV of a million rows: the fields rows() gives, with the case's three labels and the
      // collector's name quoted once per case / person rather than once per row, joined into one
      // flat string per row (cheaper to encode than a tree of concatenations). Text cells as csvText
      // writes them, exactly as the generic path does (csv.ts recordsOf). With a share, only this
      // thread's rows: csvAfter gives the rest.
      *csvRecords(): Iterable<string> {
        const f = new Array<string>(13);
        for (const [at, caseId, collectorId, channel, direction, party, contactPointId, result, outcome, text, disclosure, identity, source] of exportListings.activities.iterate(db, own)) {
          f[0] = csvField(at);
          f[1] = labels.caseCsv(caseId);
          f[2] = labels.userCsv(collectorId);
          f[3] = csvText(channel);
          f[4] = csvText(direction);
          f[5] = csvText(party);
          f[6] = csvText(labels.contact(contactPointId));
          f[7] = csvText(result);
          f[8] = csvText(outcome);
          f[9] = yesNo(disclosure);
          f[10] = yesNo(identity);
          f[11] = csvText(labels.text(text));
          f[12] = csvText(source);
          yield f.join(',');
        }
      },
      ...(share ? { csvAfter: share.after } : {}),
    },
  ];
}
