/** Ledger: the account postings, payments received and promises to pay made in the period. */
import type { Db } from '../../../../db/open';
import { ledgerExport } from '../../../../db/repos/ledger-export';
import { exportListings, type ReportParams } from '../../../../db/repos/reporting';
import type { Labels } from '../labels';
import type { Cell, Section } from '../types';

export function ledgerSections(db: Db, p: ReportParams, labels: Labels): Section[] {
  return [
    {
      title: '还款 Payments',
      columns: [
        { header: '还款日 Paid on', type: 'date', width: 11 },
        { header: '案件 Case', type: 'text', width: 14 },
        { header: '委案 Placement', type: 'text', width: 11 },
        { header: '借款人 Borrower', type: 'text', width: 14 },
        { header: '金额 Amount', type: 'money', width: 12 },
        { header: '币种 Currency', type: 'text', width: 6 },
        { header: '来源 Source', type: 'text', width: 7 },
        { header: '流水号 Reference', type: 'text', width: 16 },
        { header: '登记人 Recorded by', type: 'text', width: 16 },
        { header: '登记时间 Recorded at (UTC)', type: 'instant', width: 19 },
      ],
      total: exportListings.payments.count(db, p),
      *rows(): Iterable<Cell[]> {
        for (const [paidOn, caseId, minor, currency, source, reference, recordedBy, createdAt] of exportListings.payments.iterate(db, p)) {
          const c = labels.caseOf(caseId);
          yield [paidOn.slice(0, 10), c.reference, c.placement, c.borrower, { minor, currency }, currency, source, reference, labels.user(recordedBy), createdAt];
        }
      },
    },
    {
      title: '还款承诺 Promises to pay',
      columns: [
        { header: '承诺时间 Made at (UTC)', type: 'instant', width: 19 },
        { header: '案件 Case', type: 'text', width: 14 },
        { header: '委案 Placement', type: 'text', width: 11 },
        { header: '借款人 Borrower', type: 'text', width: 14 },
        { header: '金额 Amount', type: 'money', width: 12 },
        { header: '币种 Currency', type: 'text', width: 6 },
        { header: '到期日 Due', type: 'date', width: 11 },
        { header: '状态 Status', type: 'text', width: 9 },
        { header: '渠道 Channel', type: 'text', width: 7 },
        { header: '催收员 Collector', type: 'text', width: 16 },
      ],
      total: exportListings.promises.count(db, p),
      *rows(): Iterable<Cell[]> {
        for (const [createdAt, caseId, minor, currency, due, status, channel, createdBy] of exportListings.promises.iterate(db, p)) {
          const c = labels.caseOf(caseId);
          yield [createdAt, c.reference, c.placement, c.borrower, { minor, currency }, currency, due, status, channel, labels.user(createdBy)];
        }
      },
    },
    {
      // What each posting did to what is owed (issue 13); the balance column is the case's balance now.
      title: '账务 Account postings',
      columns: [
        { header: '入账日 Effective', type: 'date', width: 11 },
        { header: '案件 Case', type: 'text', width: 14 },
        { header: '委案 Placement', type: 'text', width: 11 },
        { header: '类型 Kind', type: 'text', width: 10 },
        { header: '构成 Component', type: 'text', width: 10 },
        { header: '金额 Amount', type: 'money', width: 12 },
        { header: '欠款变动 Change owed', type: 'money', width: 12 },
        { header: '币种 Currency', type: 'text', width: 6 },
        { header: '原因 Reason', type: 'text', width: 12 },
        { header: '登记人 Recorded by', type: 'text', width: 16 },
        { header: '现欠款 Balance now', type: 'money', width: 12 },
      ],
      total: ledgerExport.count(db, p),
      *rows(): Iterable<Cell[]> {
        for (const [on, caseId, kind, component, minor, delta, currency, reason, by, , balance] of ledgerExport.iterate(db, p)) {
          const c = labels.caseOf(caseId);
          yield [on, c.reference, c.placement, kind, component ?? '', { minor, currency }, { minor: delta, currency }, currency, reason, labels.user(by), { minor: balance, currency }];
        }
      },
    },
  ];
}
