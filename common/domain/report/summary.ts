/**
 * Summary figures of a progress report, computed from chain records alone so the lender can
 * recompute them from the records it receives. Body fields read (written by the services):
 *   activity  {channel, party, result}            attempts by channel; RPC = borrower + connected
 *   promise   {status: 'open'|'kept'|…}           made = 'open', kept = 'kept'
 *   payment   {amountMinor, currency}             collected, reversals negative
 *   complaint {status: 'open'|'resolved'|…}       opened / resolved
 *   decision  {verdict: 'allow'|'warn'|'block'}   guardrail blocks
 *   override  {status: 'approved'|…}              guardrail overrides
 *   case_flag {flag: 'recalled', activitiesAfterRecall: string[]}
 */
import type { ChainRecord } from '../chain/record';
import type { ReportSummary } from '../../protocol/report';

const ATTEMPT_CHANNELS = ['call', 'sms', 'email', 'letter', 'visit'] as const;
type AttemptChannel = (typeof ATTEMPT_CHANNELS)[number];
const isAttemptChannel = (x: unknown): x is AttemptChannel => (ATTEMPT_CHANNELS as readonly unknown[]).includes(x);

export function emptySummary(): ReportSummary {
  return {
    attemptsByChannel: { call: 0, sms: 0, email: 0, letter: 0, visit: 0 },
    rightPartyContacts: 0,
    promisesMade: 0,
    promisesKept: 0,
    amountsCollected: {},
    complaintsOpened: 0,
    complaintsResolved: 0,
    guardrailBlocks: 0,
    guardrailOverrides: 0,
    activitiesAfterRecall: 0,
    records: 0,
    lateRecords: 0,
  };
}

/** Figures over `records`; those dated before `periodFrom` are counted as late and not summed. */
export function summarize(records: readonly ChainRecord[], periodFrom: string): ReportSummary {
  const s = emptySummary();
  for (const r of records) {
    s.records++;
    if (r.at < periodFrom) {
      s.lateRecords++;
      continue;
    }
    const b = r.body;
    switch (r.type) {
      case 'activity':
        if (isAttemptChannel(b.channel)) s.attemptsByChannel[b.channel]++;
        if (b.party === 'borrower' && b.result === 'connected') s.rightPartyContacts++;
        break;
      case 'promise':
        if (b.status === 'open' || b.status === undefined) s.promisesMade++;
        else if (b.status === 'kept') s.promisesKept++;
        break;
      case 'payment':
        if (typeof b.currency === 'string' && typeof b.amountMinor === 'number' && Number.isSafeInteger(b.amountMinor)) {
          s.amountsCollected[b.currency] = (s.amountsCollected[b.currency] ?? 0) + b.amountMinor;
        }
        break;
      case 'complaint':
        if (b.status === 'open' || b.status === undefined) s.complaintsOpened++;
        else if (b.status === 'resolved') s.complaintsResolved++;
        break;
      case 'decision':
        if (b.verdict === 'block') s.guardrailBlocks++;
        break;
      case 'override':
        if (b.status === 'approved') s.guardrailOverrides++;
        break;
      case 'case_flag':
        if (b.flag === 'recalled' && Array.isArray(b.activitiesAfterRecall)) s.activitiesAfterRecall += b.activitiesAfterRecall.length;
        break;
      case 'plan':
      case 'outcome':
        break;
    }
  }
  return s;
}
