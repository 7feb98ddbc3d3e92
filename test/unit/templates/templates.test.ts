import { PLAUSIBLE_VALUES as VALUES } from '../../support/template-values';
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
import type { PresetId } from '../../../common/domain/guardrails';


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
