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
 *   payment   {reversal?, balanceAfterMinor?}      ledger records (issue 13): reversed; owed change
 *   ledger    {kind, reason, amountMinor, deltaMinor, currency}   written off; owed change
 *
 * A record's part in the figures is its tally. The workstation stores each record's tally beside
 * it when it is chained, so a report's figures come from a GROUP BY rather than from re-reading
 * every record; what a tally means is fixed by the report format, as the summary is.
 */
import { z } from 'zod';
import type { ChainRecord } from '../chain/record';
import type { ReportSummary } from '../../protocol/report';

const ATTEMPT_CHANNELS = ['call', 'sms', 'email', 'letter', 'visit'] as const;
type AttemptChannel = (typeof ATTEMPT_CHANNELS)[number];
const isAttemptChannel = (x: unknown): x is AttemptChannel => (ATTEMPT_CHANNELS as readonly unknown[]).includes(x);

const MoneyTally = z.strictObject({ currency: z.string(), amountMinor: z.number().int().refine(Number.isSafeInteger) });
type MoneyTallyT = z.infer<typeof MoneyTally>;
type MoneyMap = Record<string, number>;
const isMinor = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);

/** Adds `n` times an amount into an optional per-currency map of the summary, creating it when first needed. */
function addMoney(s: ReportSummary, key: 'amountsReversed' | 'amountsWrittenOff' | 'owedChange', m: MoneyTallyT, n: number): void {
  const map: MoneyMap = (s[key] ??= {});
  map[m.currency] = (map[m.currency] ?? 0) + m.amountMinor * n;
}

function mergeMoney(into: ReportSummary, from: ReportSummary, key: 'amountsReversed' | 'amountsWrittenOff' | 'owedChange'): void {
  for (const [currency, minor] of Object.entries(from[key] ?? {})) addMoney(into, key, { currency, amountMinor: minor }, 1);
}

/** The ledger's part of a payment or ledger record; only records written by the ledger carry it. */
function ledgerTally(r: Pick<ChainRecord, 'type' | 'body'>, t: Tally): void {
  const b = r.body;
  if (typeof b.currency !== 'string') return;
  const currency = b.currency;
  if (r.type === 'payment' && isMinor(b.amountMinor) && isMinor(b.balanceAfterMinor)) {
    t.owedChange = { currency, amountMinor: -b.amountMinor };
    if (typeof b.reversal === 'string') t.reversed = { currency, amountMinor: -b.amountMinor };
  }
  if (r.type === 'ledger' && isMinor(b.amountMinor) && isMinor(b.deltaMinor)) {
    t.owedChange = { currency, amountMinor: b.deltaMinor };
    if (b.kind === 'discount' || b.reason === 'write_off' || b.reason === 'recall') t.writtenOff = { currency, amountMinor: b.amountMinor };
  }
}

/** What one record adds to the figures besides being counted (and, if dated before the period, counted late). */
export const TallySchema = z.strictObject({
  attempt: z.enum(ATTEMPT_CHANNELS).optional(),
  rightParty: z.literal(1).optional(),
  promiseMade: z.literal(1).optional(),
  promiseKept: z.literal(1).optional(),
  paid: z.strictObject({ currency: z.string(), amountMinor: z.number().int().refine(Number.isSafeInteger) }).optional(),
  complaintOpened: z.literal(1).optional(),
  complaintResolved: z.literal(1).optional(),
  block: z.literal(1).optional(),
  override: z.literal(1).optional(),
  afterRecall: z.number().int().min(0).optional(),
  reversed: MoneyTally.optional(),
  writtenOff: MoneyTally.optional(),
  owedChange: MoneyTally.optional(),
});
export type Tally = z.infer<typeof TallySchema>;

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

/** Adds one summary's figures into another (a team's reports summed per workstation). */
export function addSummary(into: ReportSummary, s: ReportSummary): void {
  for (const ch of ATTEMPT_CHANNELS) into.attemptsByChannel[ch] += s.attemptsByChannel[ch];
  for (const [currency, minor] of Object.entries(s.amountsCollected)) into.amountsCollected[currency] = (into.amountsCollected[currency] ?? 0) + minor;
  into.rightPartyContacts += s.rightPartyContacts;
  into.promisesMade += s.promisesMade;
  into.promisesKept += s.promisesKept;
  into.complaintsOpened += s.complaintsOpened;
  into.complaintsResolved += s.complaintsResolved;
  into.guardrailBlocks += s.guardrailBlocks;
  into.guardrailOverrides += s.guardrailOverrides;
  into.activitiesAfterRecall += s.activitiesAfterRecall;
  into.records += s.records;
  into.lateRecords += s.lateRecords;
  mergeMoney(into, s, 'amountsReversed');
  mergeMoney(into, s, 'amountsWrittenOff');
  mergeMoney(into, s, 'owedChange');
}

export function tallyOf(r: Pick<ChainRecord, 'type' | 'body'>): Tally {
  const b = r.body;
  const t: Tally = {};
  switch (r.type) {
    case 'activity':
      if (isAttemptChannel(b.channel)) t.attempt = b.channel;
      if (b.party === 'borrower' && b.result === 'connected') t.rightParty = 1;
      break;
    case 'promise':
      if (b.status === 'open' || b.status === undefined) t.promiseMade = 1;
      else if (b.status === 'kept') t.promiseKept = 1;
      break;
    case 'payment':
      if (typeof b.currency === 'string' && typeof b.amountMinor === 'number' && Number.isSafeInteger(b.amountMinor)) {
        t.paid = { currency: b.currency, amountMinor: b.amountMinor };
      }
      break;
    case 'complaint':
      if (b.status === 'open' || b.status === undefined) t.complaintOpened = 1;
      else if (b.status === 'resolved') t.complaintResolved = 1;
      break;
    case 'decision':
      if (b.verdict === 'block') t.block = 1;
      break;
    case 'override':
      if (b.status === 'approved') t.override = 1;
      break;
    case 'case_flag':
      if (b.flag === 'recalled' && Array.isArray(b.activitiesAfterRecall)) t.afterRecall = b.activitiesAfterRecall.length;
      break;
    case 'ledger':
    case 'plan':
    case 'outcome':
    case 'purge':
    case 'settlement':
      break;
  }
  ledgerTally(r, t);
  return t;
}

/** Adds `n` records of one tally; late ones are counted apart and not summed. */
export function addTally(s: ReportSummary, t: Tally, n: number, late: boolean): void {
  s.records += n;
  if (late) {
    s.lateRecords += n;
    return;
  }
  if (t.attempt) s.attemptsByChannel[t.attempt] += n;
  if (t.rightParty) s.rightPartyContacts += n;
  if (t.promiseMade) s.promisesMade += n;
  if (t.promiseKept) s.promisesKept += n;
  if (t.paid) s.amountsCollected[t.paid.currency] = (s.amountsCollected[t.paid.currency] ?? 0) + t.paid.amountMinor * n;
  if (t.complaintOpened) s.complaintsOpened += n;
  if (t.complaintResolved) s.complaintsResolved += n;
  if (t.block) s.guardrailBlocks += n;
  if (t.override) s.guardrailOverrides += n;
  if (t.afterRecall) s.activitiesAfterRecall += t.afterRecall * n;
  if (t.reversed) addMoney(s, 'amountsReversed', t.reversed, n);
  if (t.writtenOff) addMoney(s, 'amountsWrittenOff', t.writtenOff, n);
  if (t.owedChange) addMoney(s, 'owedChange', t.owedChange, n);
}

/** Figures over `records`; those dated before `periodFrom` are counted as late and not summed. */
export function summarize(records: readonly ChainRecord[], periodFrom: string): ReportSummary {
  const s = emptySummary();
  for (const r of records) addTally(s, tallyOf(r), 1, r.at < periodFrom);
  return s;
}
