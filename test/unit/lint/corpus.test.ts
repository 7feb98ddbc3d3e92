/**
 * The language check measured on the labelled corpus (test/fixtures/lint-corpus): a regression below
 * the targets fails CI. Also the exact misses reported in issue 17, through the engine under their presets,
 * and the normalisation that undoes common evasions.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../common/domain/lint';
import { normalize } from '../../../common/domain/lint/normalize';
import { evaluate, resolvePolicy, type Facts, type PresetId } from '../../../common/domain/guardrails';
import { PROHIBITED, categoriesFound, loadCorpus, scoreCorpus } from '../../support/lint-corpus';

describe('the labelled corpus', () => {
  const report = scoreCorpus();

  it('holds at least 400 prohibited messages across every category in both languages, and at least as many compliant', () => {
    expect(report.prohibitedTotal).toBeGreaterThanOrEqual(400);
    expect(report.compliantTotal).toBeGreaterThanOrEqual(report.prohibitedTotal);
    for (const row of report.rows) expect(row.total, `${row.category}/${row.lang}`).toBeGreaterThanOrEqual(20);
    expect(new Set(report.rows.map((r) => r.category))).toEqual(new Set(PROHIBITED));
  });

  for (const category of PROHIBITED) {
    for (const lang of ['zh-CN', 'en'] as const) {
      it(`recall ≥ 95% on ${category} (${lang})`, () => {
        const row = report.rows.find((r) => r.category === category && r.lang === lang);
        expect(row?.recall, JSON.stringify(report.missed.filter((m) => m.label === category && m.lang === lang).map((m) => m.text))).toBeGreaterThanOrEqual(0.95);
      });
    }
  }

  it('≤ 2% false positives on compliant messages', () => {
    expect(report.compliantFlagged.length / report.compliantTotal, JSON.stringify(report.compliantFlagged.map((c) => c.text))).toBeLessThanOrEqual(0.02);
  });

  it('no approved template is flagged', () => {
    expect(report.templatesTotal).toBeGreaterThanOrEqual(18);
    expect(report.templatesFlagged.map((t) => t.label)).toEqual([]);
  });

  it('the corpus has no duplicate messages', () => {
    const { prohibited, compliant } = loadCorpus();
    const texts = [...prohibited, ...compliant].map((i) => i.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

const FACTS: Facts = {
  borrower: { timezones: [] },
  flags: { cease: false, dispute: false, complaintOpen: false, attorney: false, vulnerable: false, recalled: false, bankrupt: false, deceased: false },
  optOuts: [],
  consents: [],
  history: [],
  firstContactAt: '2026-01-01T00:00:00Z',
};

function decide(preset: PresetId, channel: 'sms' | 'letter', text: string, zone: string) {
  const d = evaluate(resolvePolicy(preset), { ...FACTS, borrower: { timezones: [zone] } }, { channel, party: 'borrower', contact: 'c1', debts: ['D1'], collectors: 1, text }, new Date(zone === 'Asia/Shanghai' ? '2026-03-11T03:00:00Z' : '2026-03-11T15:00:00Z'));
  return { verdict: d.verdict, blocks: [...new Set(d.reasons.filter((r) => r.severity === 'block').map((r) => r.rule))] };
}

describe('the misses reported in issue 17 are caught', () => {
  it('CN SMS: court impersonation with 人民法院执行局, 被执行人 and 强制措施 is blocked', () => {
    const text = '我们是人民法院执行局，你已被列为被执行人，将对你采取强制措施。';
    expect(categoriesFound(text)).toEqual(new Set(['impersonation', 'false_legal']));
    expect(decide('cn', 'sms', text, 'Asia/Shanghai')).toMatchObject({ verdict: 'block', blocks: ['CN-CONDUCT'] });
  });

  it('UK letter: bailiffs instructed to attend and seize goods is blocked by UK-LANGUAGE', () => {
    const text = 'Private and confidential. Bailiffs have been instructed to attend your home tomorrow and seize your goods.';
    expect(categoriesFound(text)).toContain('impersonation');
    expect(categoriesFound(text)).toContain('false_legal');
    expect(decide('uk-conc', 'letter', text, 'Europe/London').blocks).toContain('UK-LANGUAGE');
  });

  it('US letter: "a lawsuit has been filed against you and the sheriff will serve you this week" is blocked', () => {
    const text = 'This is a communication from a debt collector. A lawsuit has been filed against you and the sheriff will serve you this week.';
    expect(categoriesFound(text)).toEqual(new Set(['false_legal', 'impersonation']));
    expect(decide('us-regf', 'letter', text, 'America/New_York')).toMatchObject({ verdict: 'block', blocks: ['US-LANGUAGE'] });
  });

  it('the curses 让你身败名裂 and 不得好死 are insults', () => {
    for (const text of ['再不还钱我让你身败名裂', '你这种人不得好死']) {
      expect(categoriesFound(text), text).toEqual(new Set(['insult']));
      expect(decide('cn', 'sms', text, 'Asia/Shanghai').blocks).toEqual(['CN-CONDUCT']);
    }
  });

  it('authority words with or without modifiers, in any tense', () => {
    for (const text of ['我们是法院', '我们是人民法院', '我们是市中级人民法院', '这里是区公安分局', '我是县人民检察院的']) expect(categoriesFound(text), text).toContain('impersonation');
    for (const text of ['A lawsuit has been filed.', 'A lawsuit was filed yesterday.', 'A lawsuit will be filed.', 'We have filed suit.']) expect(categoriesFound(text), text).toContain('false_legal');
  });
});

describe('evasions are normalised before matching, and findings point at the original text', () => {
  const cases: [string, string][] = [
    ['我们是法 院执行局', 'impersonation'],
    ['我们是法*院', 'impersonation'],
    ['我们是法阮执行局', 'impersonation'],
    ['你等着坐劳吧', 'threat_arrest'],
    ['ｙｏｕ　ｗｉｌｌ　ｂｅ　ａｒｒｅｓｔｅｄ', 'threat_arrest'],
    ['You will go to j@il.', 'threat_arrest'],
    ['You will be a r r e s t e d.', 'threat_arrest'],
    ['This is the p0lice.', 'impersonation'],
    ['你这个老\u200b赖', 'insult'],
  ];
  for (const [text, category] of cases) {
    it(`${JSON.stringify(text)} → ${category}`, () => {
      const hits = lintText(text, { preset: 'cn', channel: 'sms', party: 'borrower' }).filter((f) => f.category === category);
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.text);
    });
  }

  it('keeps amounts and numbers as they are', () => {
    expect(normalize('pay $50 by 5pm, ref A1-3').text).toBe('pay $50 by 5pm, ref A1-3');
  });

  it('a negation in the clause lifts exposure, fee and payee claims; not insults', () => {
    expect(categoriesFound('我们不会联系您的单位。')).toEqual(new Set());
    expect(categoriesFound('We will not contact your employer.')).toEqual(new Set());
    expect(categoriesFound('We will never ask you to pay into a personal account.')).toEqual(new Set());
    expect(categoriesFound('你真不要脸')).toEqual(new Set(['insult']));
    expect(categoriesFound('Not paying a debt is a criminal offence.')).toEqual(new Set(['false_legal']));
    expect(categoriesFound('要不要我们去跟你父母聊聊？')).toEqual(new Set(['exposure']));
  });
});
