/** addSummary: a team's report summaries summed per workstation (services/remote-team.ts). */
import { describe, expect, it } from 'vitest';
import { addSummary, emptySummary } from '../../../common/domain/report/summary';

describe('addSummary', () => {
  it('adds every figure, per channel and per currency', () => {
    const a = emptySummary();
    const b = { ...emptySummary(), attemptsByChannel: { call: 2, sms: 1, email: 0, letter: 0, visit: 1 }, amountsCollected: { CNY: 1000, GBP: 5 }, promisesMade: 3, records: 7, lateRecords: 1 };
    const c = { ...emptySummary(), attemptsByChannel: { call: 1, sms: 0, email: 4, letter: 1, visit: 0 }, amountsCollected: { CNY: 250 }, promisesKept: 2, guardrailBlocks: 1, activitiesAfterRecall: 2, records: 3 };
    addSummary(a, b);
    addSummary(a, c);
    expect(a).toEqual({
      ...emptySummary(),
      attemptsByChannel: { call: 3, sms: 1, email: 4, letter: 1, visit: 1 },
      amountsCollected: { CNY: 1250, GBP: 5 },
      promisesMade: 3,
      promisesKept: 2,
      guardrailBlocks: 1,
      activitiesAfterRecall: 2,
      records: 10,
      lateRecords: 1,
    });
    // The summaries added are left as they were.
    expect(b.amountsCollected).toEqual({ CNY: 1000, GBP: 5 });
  });
});
