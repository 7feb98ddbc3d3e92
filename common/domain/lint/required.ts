import type { LintFinding, LintOptions } from './types';
import { missingMessage } from './messages';

interface Requirement {
  rule: string;
  re: RegExp;
  what: { 'zh-CN': string; en: string };
}

/** CN collection letters: every element of the 2026 guideline, in either language. */
const CN_LETTER: readonly Requirement[] = [
  { rule: 'CN-LETTER', re: /欠款|应还|余额|待还|\bbalance\b|amount (?:due|owed|outstanding)/iu, what: { 'zh-CN': '欠款金额', en: 'the balance' } },
  { rule: 'CN-LETTER', re: /逾期|未按(?:时|期)|overdue|past due|missed payment/iu, what: { 'zh-CN': '催收事由（逾期）', en: 'the reason (overdue payment)' } },
  { rule: 'CN-LETTER', re: /权利|义务|\brights\b|obligations|responsibilities/iu, what: { 'zh-CN': '权利与义务', en: 'rights and duties' } },
  { rule: 'CN-LETTER', re: /查询|核对|check (?:your|the) account|account statement/iu, what: { 'zh-CN': '账户查询方式', en: 'how to check the account' } },
  { rule: 'CN-LETTER', re: /还款方式|还款渠道|还款途径|how to (?:re)?pay|ways to pay|repayment method/iu, what: { 'zh-CN': '还款方式', en: 'how to repay' } },
  { rule: 'CN-LETTER', re: /异议|\bdispute/iu, what: { 'zh-CN': '异议方式', en: 'how to dispute' } },
  { rule: 'CN-LETTER', re: /联系电话|联系方式|\bphone\b|\btel\b|contact (?:us|number)/iu, what: { 'zh-CN': '机构及出借方联系方式', en: 'the agency’s and lender’s contact details' } },
  { rule: 'CN-LETTER', re: /投诉|complain/iu, what: { 'zh-CN': '投诉渠道', en: 'the complaint channel' } },
];

const US_OPT_OUT: Requirement = {
  rule: 'US-OPT-OUT',
  re: /\bopt[\s-]?out\b|\bunsubscribe\b|\breply\s+stop\b|\btext\s+stop\b|退订|回复\s*(?:T|TD|STOP)\b|取消订阅|选择退出/iu,
  what: { 'zh-CN': '退订方式（短信和电子邮件必须提供）', en: 'an opt-out method (every text and e-mail)' },
};
const US_FROM_COLLECTOR: Requirement = {
  rule: 'US-DISCLOSURE',
  re: /\bdebt collector\b|债务催收(?:方|人|机构)/iu,
  what: { 'zh-CN': '“本信息来自债务催收方”的告知', en: 'the statement that this is from a debt collector' },
};
const US_ATTEMPT: Requirement = {
  rule: 'US-DISCLOSURE',
  re: /\battempt(?:ing)? to collect a debt\b|(?:试图|旨在)(?:收取|催收|追收)(?:一笔)?(?:债务|欠款)/iu,
  what: {
    'zh-CN': '首次联系须告知“这是试图收取债务”',
    en: 'on initial contact, "this is an attempt to collect a debt"',
  },
};
const UK_PRIVATE: Requirement = {
  rule: 'UK-PRIVACY',
  re: /private\s*(?:and|&)\s*confidential|私密(?:且|及|与|和)?保密|私人(?:及|和|与|且)?机密/iu,
  what: { 'zh-CN': '信封/信头标注“私密且保密”', en: 'the marking "Private and confidential"' },
};

function requirementsFor(opts: LintOptions): readonly Requirement[] {
  // Third parties must not learn of the debt, so they get none of the debt disclosures.
  if (opts.party === 'third_party') return [];
  const { channel } = opts;
  switch (opts.preset) {
    case 'cn':
      return channel === 'letter' ? CN_LETTER : [];
    case 'us-regf': {
      if (channel === 'call' || channel === 'visit') return [];
      const list: Requirement[] = [US_FROM_COLLECTOR];
      if (opts.initialCommunication) list.push(US_ATTEMPT);
      if (channel === 'sms' || channel === 'email') list.push(US_OPT_OUT);
      return list;
    }
    case 'uk-conc':
      return channel === 'letter' ? [UK_PRIVATE] : [];
  }
}

export function checkRequired(text: string, opts: LintOptions): LintFinding[] {
  const out: LintFinding[] = [];
  for (const req of requirementsFor(opts)) {
    if (req.re.test(text)) continue;
    out.push({
      kind: 'required',
      rule: req.rule,
      category: 'required_content',
      start: 0,
      end: 0,
      text: '',
      message: missingMessage(req.what),
    });
  }
  return out;
}
