import { describe, expect, it } from 'vitest';
import { lintText } from '../../../common/domain/lint';
import {
  MERGE_FIELDS,
  TEMPLATES,
  TemplateError,
  fieldsUsed,
  findTemplate,
  renderMessage,
  renderTemplate,
  type MergeValues,
} from '../../../common/domain/templates';
import { evaluate, resolvePolicy, type Facts } from '../../../common/domain/guardrails';
import type { PresetId, Lang } from '../../../common/domain/guardrails';

const VALUES: Record<Lang, MergeValues> = {
  'zh-CN': {
    borrowerName: '张伟',
    balance: '¥12,345.60',
    principal: '¥10,000.00',
    interest: '¥1,200.00',
    penalty: '¥845.60',
    fees: '¥300.00',
    dueDate: '2026年3月1日',
    agencyName: '华信资产管理有限公司',
    agencyPhone: '400-800-1234',
    lenderName: '示例消费金融有限公司',
    lenderPhone: '95500',
    complaintChannel: '客服热线 95500 转 9，或邮件 complaints@lender.example',
    caseReference: 'CD-2026-000123',
    repaymentMethod: '通过出借方官方App“还款”页面，或转账至出借方对公账户 6222 0000 1111',
    disputeMethod: '致电 400-800-1234 或书面寄至出借方客服中心',
    accountCheckMethod: '登录出借方官方App查看账单明细',
    optOut: '回复T退订',
    agencyAddress: '上海市黄浦区中山东一路18号12楼',
    itemizationDate: '2026年3月1日',
    itemizationAmount: '¥10,000.00',
    interestSince: '¥1,200.00',
    feesSince: '¥1,145.60',
    paymentsSince: '¥0.00',
    creditsSince: '¥0.00',
    validationEndDate: '2026年4月5日',
    promiseAmount: '¥500.00',
    promiseDate: '2026年3月15日',
    planSchedule: '第1期 2026年3月15日 ¥500.00\n第2期 2026年4月15日 ¥500.00',
    complaintDate: '2026年2月20日',
    complaintResponseDate: '2026年3月7日',
    complaintResponse: '经核查，我们已更正您账户的联系记录，并向您致歉。',
  },
  en: {
    borrowerName: 'Jordan Smith',
    balance: '$1,234.56',
    principal: '$1,000.00',
    interest: '$150.00',
    penalty: '$50.00',
    fees: '$34.56',
    dueDate: 'March 1, 2026',
    agencyName: 'Northwind Recovery LLC',
    agencyPhone: '(555) 010-2000',
    lenderName: 'Example Bank',
    lenderPhone: '(555) 010-3000',
    complaintChannel: 'complaints@northwind.example or (555) 010-2001',
    caseReference: 'CD-2026-000123',
    repaymentMethod: "online at pay.lender.example or by bank transfer to Example Bank's collections account",
    disputeMethod: 'write to Northwind Recovery LLC, PO Box 100, Springfield, or call (555) 010-2000',
    accountCheckMethod: 'sign in at lender.example/account',
    optOut: 'Reply STOP to opt out of texts and e-mails.',
    agencyAddress: 'PO Box 100, Springfield, IL 62701',
    itemizationDate: 'March 1, 2026',
    itemizationAmount: '$1,000.00',
    interestSince: '$150.00',
    feesSince: '$84.56',
    paymentsSince: '$0.00',
    creditsSince: '$0.00',
    validationEndDate: 'April 5, 2026',
    promiseAmount: '$200.00',
    promiseDate: 'March 15, 2026',
    planSchedule: '1. March 15, 2026: $200.00\n2. April 15, 2026: $200.00',
    complaintDate: 'February 20, 2026',
    complaintResponseDate: 'March 7, 2026',
    complaintResponse: 'We have checked your account, corrected the contact record and apologise for the calls you received.',
  },
};

const PRESETS: PresetId[] = ['cn', 'us-regf', 'uk-conc'];

describe('approved templates', () => {
  it('has a letter, an SMS and an e-mail in zh-CN and en for every preset', () => {
    for (const preset of PRESETS) {
      for (const kind of ['letter', 'sms', 'email'] as const) {
        for (const lang of ['zh-CN', 'en'] as const) {
          expect(findTemplate(preset, kind, lang), `${preset} ${kind} ${lang}`).toBeDefined();
        }
      }
    }
    // 18 standing templates; 6 event letters × 3 presets × 2 languages; the US validation notice × 2.
    expect(TEMPLATES).toHaveLength(18 + 36 + 2);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
  });

  it('uses only known merge fields', () => {
    for (const t of TEMPLATES) {
      for (const f of [...fieldsUsed(t.body), ...fieldsUsed(t.subject ?? '')]) {
        expect(MERGE_FIELDS as readonly string[], `${t.id} uses ${f}`).toContain(f);
      }
    }
  });

  it('every letter carries the complaint channel and the current balance', () => {
    for (const t of TEMPLATES.filter((x) => x.kind === 'letter')) {
      expect(fieldsUsed(t.body), t.id).toContain('complaintChannel');
      expect(fieldsUsed(t.body), t.id).toContain('balance');
    }
  });

  it('CN letters carry every CN-LETTER field', () => {
    for (const t of TEMPLATES.filter((x) => x.preset === 'cn' && x.kind === 'letter')) {
      for (const f of ['borrowerName', 'balance', 'accountCheckMethod', 'repaymentMethod', 'disputeMethod', 'agencyName', 'agencyPhone', 'lenderName', 'lenderPhone', 'complaintChannel']) {
        expect(fieldsUsed(t.body), `${t.id} ${f}`).toContain(f);
      }
    }
  });

  it('US texts and e-mails carry the opt-out field', () => {
    for (const t of TEMPLATES.filter((x) => x.preset === 'us-regf' && x.kind !== 'letter')) {
      expect(fieldsUsed(t.body), t.id).toContain('optOut');
    }
  });

  for (const t of TEMPLATES) {
    it(`lint finds nothing in ${t.id} rendered with plausible values (initial and later contact)`, () => {
      const { subject, body } = renderMessage(t, VALUES[t.lang]);
      const text = subject === null ? body : `${subject}\n${body}`;
      for (const initialCommunication of [true, false]) {
        const findings = lintText(text, { preset: t.preset, channel: t.kind, party: 'borrower', initialCommunication });
        expect(findings, `${t.id}: ${JSON.stringify(findings)}`).toEqual([]);
      }
    });
  }

  it('the engine allows every approved template as an action text at a lawful time', () => {
    const facts: Facts = {
      borrower: { timezones: [] },
      flags: { cease: false, dispute: false, complaintOpen: false, attorney: false, vulnerable: false, recalled: false, bankrupt: false, deceased: false },
      optOuts: [],
      consents: [],
      history: [],
    };
    for (const t of TEMPLATES) {
      const policy = resolvePolicy(t.preset);
      const text = renderTemplate(t, VALUES[t.lang]);
      // 15:00 UTC is daytime in London and New York; 03:00 UTC is 11:00 in Shanghai. A Wednesday, no holiday.
      const now = new Date(t.preset === 'cn' ? '2026-03-11T03:00:00Z' : '2026-03-11T15:00:00Z');
      const d = evaluate(policy, facts, { channel: t.kind, party: 'borrower', contact: 'c1', debts: ['D1'], collectors: 1, text }, now);
      expect(d.reasons, t.id).toEqual([]);
      expect(d.verdict).toBe('allow');
    }
  });
});

describe('renderTemplate', () => {
  it('fills every placeholder, plain text, nothing escaped', () => {
    expect(renderTemplate('Hi {{borrowerName}} <{{balance}}> & {{ lenderName }}', { borrowerName: 'A&B', balance: '<1>', lenderName: 'L' })).toBe(
      'Hi A&B <<1>> & L',
    );
  });

  it('refuses an unknown field in the template', () => {
    expect(() => renderTemplate('Hi {{nickname}}', { borrowerName: 'x' })).toThrow(TemplateError);
    expect(() => renderTemplate('Hi {{nickname}}', {})).toThrow(/unknown merge field \{\{nickname\}\}/);
  });

  it('refuses an unknown field in the values', () => {
    expect(() => renderTemplate('Hi {{borrowerName}}', { borrowerName: 'x', nickname: 'y' } as MergeValues)).toThrow(
      /unknown merge field "nickname"/,
    );
  });

  it('refuses a missing or empty value, naming it', () => {
    expect(() => renderTemplate('{{borrowerName}} owes {{balance}}', { borrowerName: 'x' })).toThrow(/no value for \{\{balance\}\}/);
    expect(() => renderTemplate('{{borrowerName}}', { borrowerName: '  ' })).toThrow(/no value for \{\{borrowerName\}\}/);
  });

  it('renders every approved template without leftovers', () => {
    for (const t of TEMPLATES) {
      expect(renderTemplate(t, VALUES[t.lang])).not.toMatch(/\{\{|\}\}/);
    }
  });
});
