import { describe, expect, it } from 'vitest';
import { lintText, mentionsDebt, type LintOptions } from '../../../common/domain/lint';

const cnSms: LintOptions = { preset: 'cn', channel: 'sms', party: 'borrower' };
const usNote: LintOptions = { preset: 'us-regf', channel: 'call', party: 'borrower' };
const ukNote: LintOptions = { preset: 'uk-conc', channel: 'call', party: 'borrower' };

describe('lexicon hits point at the phrase', () => {
  const cases: [string, LintOptions, string, string, string][] = [
    // text, options, expected phrase, category, rule
    ['再不还钱就让你坐牢', cnSms, '坐牢', 'threat_arrest', 'CN-CONDUCT'],
    ['小心点，让你好看', cnSms, '小心点', 'threat_violence', 'CN-CONDUCT'],
    ['我们会通知你的家人和单位', cnSms, '通知你的家人', 'exposure', 'CN-CONDUCT'],
    ['不还就爆通讯录', cnSms, '通讯录', 'exposure', 'CN-CONDUCT'],
    ['我们是法院执行局的', cnSms, '我们是法院', 'impersonation', 'CN-CONDUCT'],
    ['将把你列入失信被执行人名单', cnSms, '失信被执行人', 'false_legal', 'CN-CONDUCT'],
    ['你这个老赖', cnSms, '老赖', 'insult', 'CN-CONDUCT'],
    ['另需支付催收费200元', cnSms, '催收费', 'collection_fee', 'CN-CONDUCT'],
    ['请转到我个人账户', cnSms, '转到我个人账户', 'payee', 'CN-CONDUCT'],
    ['可以去借网贷先还上', cnSms, '去借网贷', 'new_borrowing', 'CN-CONDUCT'],
    ['You will be arrested tomorrow.', usNote, 'arrested', 'threat_arrest', 'US-LANGUAGE'],
    ['We will tell your employer about this.', usNote, 'tell your employer', 'exposure', 'US-LANGUAGE'],
    ['This is the police department calling.', usNote, 'This is the police department', 'impersonation', 'US-LANGUAGE'],
    ['We will garnish your wages next week.', usNote, 'garnish your wages', 'false_legal', 'US-LANGUAGE'],
    ['Pay now, you deadbeat.', usNote, 'deadbeat', 'insult', 'US-LANGUAGE'],
    ['A $40 processing fee applies.', usNote, 'processing fee', 'collection_fee', 'US-LANGUAGE'],
    ['Send it to my personal account.', usNote, 'Send it to my personal account', 'payee', 'US-LANGUAGE'],
    ['Get a payday loan to cover it.', usNote, 'Get a payday loan', 'new_borrowing', 'US-LANGUAGE'],
    ['You should sell your car this week.', ukNote, 'sell your car', 'pressure', 'UK-FORBEARANCE'],
    ['We are from the county court.', ukNote, 'We are from the county court', 'impersonation', 'UK-LANGUAGE'],
  ];
  for (const [text, opts, phrase, category, rule] of cases) {
    it(`${opts.preset}: "${text}" → ${category}`, () => {
      const hits = lintText(text, opts).filter((f) => f.kind === 'lexicon');
      const hit = hits.find((f) => f.category === category);
      expect(hit, JSON.stringify(hits)).toBeDefined();
      if (!hit) return;
      expect(hit.rule).toBe(rule);
      expect(hit.text.toLowerCase()).toBe(phrase.toLowerCase());
      expect(text.slice(hit.start, hit.end)).toBe(hit.text);
      expect(hit.message.en).toContain(hit.text);
      expect(hit.message['zh-CN']).toContain(hit.text);
    });
  }

  it('finds every offending phrase in one text, in order', () => {
    const text = 'You idiot, we will tell your boss and you will go to jail.';
    const hits = lintText(text, usNote);
    expect(hits.map((h) => h.category)).toEqual(['insult', 'exposure', 'threat_arrest']);
    expect(hits.map((h) => h.text)).toEqual(['idiot', 'tell your boss', 'jail']);
  });

  it('does not flag ordinary collection wording', () => {
    expect(lintText('Please call us about your overdue balance. We can agree a payment plan.', usNote)).toEqual([]);
    expect(lintText('您的借款已逾期，请按时还款。如有异议请联系我们。', cnSms)).toEqual([]);
    expect(lintText('We could not reach you by phone; please call us back.', usNote)).toEqual([]);
  });

  it('US does not treat urging prompt payment as a violation, UK does', () => {
    expect(lintText('This is your last chance to settle.', usNote)).toEqual([]);
    expect(lintText('This is your last chance to settle.', ukNote).map((f) => f.rule)).toEqual(['UK-FORBEARANCE']);
  });

  it('threats of suit matter only on a time-barred US debt', () => {
    const text = 'We may file a lawsuit.';
    expect(lintText(text, usNote)).toEqual([]);
    expect(lintText(text, { ...usNote, timeBarred: true }).map((f) => f.rule)).toEqual(['US-TIME-BARRED']);
  });

  it('placement terms are matched literally, never as a regular expression', () => {
    const opts: LintOptions = { ...usNote, extraTerms: [{ phrase: 'final demand (.*)', category: 'pressure' }] };
    expect(lintText('final demand anything', opts)).toEqual([]);
    const cn: LintOptions = { ...cnSms, extraTerms: [{ phrase: '最后期限', category: 'pressure' }] };
    const hits = lintText('今天是最后期限', cn);
    expect(hits.map((h) => [h.rule, h.text, h.start])).toEqual([['CN-CONDUCT', '最后期限', 3]]);
  });

  it('flags unfilled template fields', () => {
    const hits = lintText('Dear {{borrowerName}}, hello', usNote);
    expect(hits).toMatchObject([{ rule: 'TEMPLATE-FIELD', start: 5, end: 21, text: '{{borrowerName}}' }]);
  });
});

describe('required content', () => {
  it('CN letters name every element; each missing one is reported', () => {
    const hits = lintText('您好，请尽快处理。', { preset: 'cn', channel: 'letter', party: 'borrower' });
    expect(hits.every((h) => h.rule === 'CN-LETTER' && h.kind === 'required')).toBe(true);
    expect(hits).toHaveLength(8);
    expect(hits.some((h) => h.message.en.includes('complaint channel'))).toBe(true);
  });

  it('US e-mails and texts need an opt-out line and the debt-collector disclosure', () => {
    const sms = lintText('Please call us back at 555-0100.', { preset: 'us-regf', channel: 'sms', party: 'borrower' });
    expect(sms.map((h) => h.rule).sort()).toEqual(['US-DISCLOSURE', 'US-OPT-OUT']);
    const ok = lintText('This is a debt collector. Call 555-0100. Reply STOP to opt out.', { preset: 'us-regf', channel: 'sms', party: 'borrower' });
    expect(ok).toEqual([]);
  });

  it('the initial US communication needs "attempt to collect a debt"', () => {
    const text = 'From a debt collector: call 555-0100.';
    expect(lintText(text, { preset: 'us-regf', channel: 'letter', party: 'borrower' })).toEqual([]);
    const first = lintText(text, { preset: 'us-regf', channel: 'letter', party: 'borrower', initialCommunication: true });
    expect(first.map((h) => h.rule)).toEqual(['US-DISCLOSURE']);
    expect(first[0]?.message.en).toContain('attempt to collect a debt');
  });

  it('UK letters are marked private and confidential', () => {
    expect(lintText('Dear customer', { preset: 'uk-conc', channel: 'letter', party: 'borrower' }).map((h) => h.rule)).toEqual(['UK-PRIVACY']);
    expect(lintText('Private & Confidential\nDear customer', { preset: 'uk-conc', channel: 'letter', party: 'borrower' })).toEqual([]);
  });

  it('third parties get no debt disclosures and any mention of the debt is flagged', () => {
    const text = 'Please ask Jordan to call us about the overdue balance.';
    const us = lintText(text, { preset: 'us-regf', channel: 'sms', party: 'third_party' });
    expect(us.map((h) => [h.rule, h.text])).toEqual([
      ['US-THIRD-PARTY', 'overdue'],
      ['US-THIRD-PARTY', 'balance'],
    ]);
    expect(lintText('请转告张伟尽快还款', { preset: 'cn', channel: 'sms', party: 'third_party' }).map((h) => h.rule)).toEqual(['CN-THIRD-PARTY']);
    expect(lintText('Please ask Jordan to call 555-0100.', { preset: 'uk-conc', channel: 'sms', party: 'third_party' })).toEqual([]);
  });

  it('mentionsDebt recognises debt talk in both languages', () => {
    expect(mentionsDebt('We discussed the balance')).toBe(true);
    expect(mentionsDebt('已告知欠款金额')).toBe(true);
    expect(mentionsDebt('Asked for date of birth and postcode')).toBe(false);
  });
});
