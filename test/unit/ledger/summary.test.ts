/** The ledger's figures in a progress report: recomputable from the records, absent for records without them. */
import { describe, expect, it } from 'vitest';
import type { ChainRecord } from '../../../common/domain/chain/record';
import { ReportSummarySchema } from '../../../common/protocol/report';
import { addSummary, emptySummary, summarize } from '../../../common/domain/report/summary';

let seq = 0;
const rec = (type: ChainRecord['type'], body: Record<string, unknown>, at = '2026-11-25T00:00:00.000Z'): ChainRecord => ({ type, id: `r${++seq}`, caseId: 'c', placementId: 'p', at, body, seq, workstationId: 'w' });

describe('ledger tallies', () => {
  const records = [
    rec('payment', { amountMinor: 50_000, currency: 'GBP', balanceAfterMinor: 100_000, source: 'agency' }),
    rec('payment', { amountMinor: -50_000, currency: 'GBP', balanceAfterMinor: 150_000, reversal: 'returned', reverses: 'r1' }),
    rec('payment', { amountMinor: 30_000, currency: 'GBP', balanceAfterMinor: 120_000 }),
    rec('ledger', { kind: 'discount', amountMinor: 120_000, deltaMinor: -120_000, currency: 'GBP', reason: 'settlement' }),
    rec('ledger', { kind: 'adjustment', amountMinor: 1_000, deltaMinor: 1_000, currency: 'CNY', reason: 'accrual' }),
    rec('ledger', { kind: 'adjustment', amountMinor: 500, deltaMinor: -500, currency: 'CNY', reason: 'write_off' }),
  ];

  it('carries collected (net), reversed, written off and the change in what is owed, per currency', () => {
    const s = summarize(records, '2026-11-01T00:00:00.000Z');
    expect(s.amountsCollected).toEqual({ GBP: 30_000 });
    expect(s.amountsReversed).toEqual({ GBP: 50_000 });
    expect(s.amountsWrittenOff).toEqual({ GBP: 120_000, CNY: 500 });
    expect(s.owedChange).toEqual({ GBP: -150_000, CNY: 500 });
    expect(ReportSummarySchema.parse(s)).toEqual(s);
  });

  it('sums across summaries and counts late records apart', () => {
    const a = summarize(records, '2026-11-01T00:00:00.000Z');
    const late = summarize(records, '2026-12-01T00:00:00.000Z');
    expect(late.owedChange).toBeUndefined();
    expect(late.lateRecords).toBe(records.length);
    const total = emptySummary();
    addSummary(total, a);
    addSummary(total, a);
    expect(total.owedChange).toEqual({ GBP: -300_000, CNY: 1_000 });
  });

  it('leaves the summary of records written before the ledger exactly as it was', () => {
    const old = [rec('payment', { amountMinor: 20_000, currency: 'CNY', paidOn: '2026-03-01' }), rec('payment', { amountMinor: -5_000, currency: 'CNY' })];
    const s = summarize(old, '2026-11-01T00:00:00.000Z');
    expect(Object.keys(s).sort()).toEqual(Object.keys(emptySummary()).sort());
    expect(s.amountsCollected).toEqual({ CNY: 15_000 });
  });
});
