/**
 * The merge values of a letter, from facts already read: every amount through the letter's one
 * balance (`LetterBalance`), every date in the letter's locale. Facts a letter type needs but the
 * case lacks (no open promise, no complaint) are left out, so rendering names what is missing.
 */
import type { Lang, PresetId } from '../guardrails/types';
import { formatMoney } from '../money/format';
import type { MergeValues } from '../templates/types';
import { feesLine, type LetterBalance } from './balance';
import { addDays, formatLetterDate, letterLocale } from './dates';

export interface LetterFacts {
  preset: PresetId;
  lang: Lang;
  /** Today in the borrower's (placement's) zone, ISO date. */
  today: string;
  borrowerName: string;
  caseReference: string;
  agency: { name: string; phone: string; address: string };
  lender: { name: string; phone: string; complaintChannel: string };
  balance: LetterBalance;
  promise?: { amountMinor: number; dueDate: string };
  plan?: { dueDate: string; amountMinor: number }[];
  complaint?: { openedAt: string; dueAt: string; response: string | null };
}

/** Reg F: the validation period ends 30 days after receipt, presumed 5 business days after sending. */
export const VALIDATION_PERIOD_DAYS = 35;

const REPAYMENT: Record<PresetId, Record<Lang, string>> = {
  cn: { 'zh-CN': '通过出借方App“我的借款”页面或出借方对公账户还款', en: "through the lender's app (My loans) or the lender's corporate account" },
  'us-regf': { 'zh-CN': '登录出借方网站或致电出借方', en: "online at the lender's website or by calling the lender" },
  'uk-conc': { 'zh-CN': '登录出借方网站或致电出借方', en: "online at the lender's website, by bank transfer to the lender, or by phone" },
};

export function letterFields(f: LetterFacts): MergeValues {
  const { lang } = f;
  const zh = lang === 'zh-CN';
  const locale = letterLocale(f.preset, lang);
  const money = (minor: number) => formatMoney({ minor, currency: f.balance.currency }, locale);
  const date = (iso: string) => formatLetterDate(iso, locale);
  const b = f.balance;
  const values: MergeValues = {
    borrowerName: f.borrowerName,
    balance: money(b.amountNowMinor),
    principal: money(b.amountThenMinor),
    interest: money(b.interestMinor),
    penalty: money(b.penaltyMinor),
    fees: money(b.feesMinor),
    dueDate: date(f.today),
    agencyName: f.agency.name,
    agencyPhone: f.agency.phone,
    agencyAddress: f.agency.address.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join(zh ? '' : ', '),
    lenderName: f.lender.name,
    lenderPhone: f.lender.phone,
    complaintChannel: f.lender.complaintChannel,
    caseReference: f.caseReference,
    repaymentMethod: REPAYMENT[f.preset][lang],
    disputeMethod: zh ? `致电 ${f.agency.phone} 或书面联系 ${f.agency.name}` : `call ${f.agency.phone} or write to ${f.agency.name}`,
    accountCheckMethod: zh ? `致电出借方 ${f.lender.phone}` : `call the lender on ${f.lender.phone}`,
    optOut: zh ? '回复TD退订' : 'Reply STOP to opt out of texts; to stop e-mails, reply UNSUBSCRIBE',
    itemizationDate: date(b.itemizationDate),
    itemizationAmount: money(b.amountThenMinor),
    interestSince: money(b.interestMinor),
    feesSince: money(feesLine(b)),
    paymentsSince: money(b.paymentsMinor),
    creditsSince: money(b.creditsMinor),
    validationEndDate: date(addDays(f.today, VALIDATION_PERIOD_DAYS)),
  };
  if (f.promise) {
    values.promiseAmount = money(f.promise.amountMinor);
    values.promiseDate = date(f.promise.dueDate);
  }
  if (f.plan && f.plan.length > 0) {
    values.planSchedule = f.plan.map((i, n) => (zh ? `第${n + 1}期 ${date(i.dueDate)} ${money(i.amountMinor)}` : `${n + 1}. ${date(i.dueDate)}: ${money(i.amountMinor)}`)).join('\n');
  }
  if (f.complaint) {
    values.complaintDate = date(f.complaint.openedAt);
    values.complaintResponseDate = date(f.complaint.dueAt);
    if (f.complaint.response) values.complaintResponse = f.complaint.response;
  }
  return values;
}
