/** The day loop's renderer pieces: translations complete in both languages, every reason key worded, result keys, links. */
import { describe, expect, it } from 'vitest';
import en from '../../../renderer/features/dayloop/i18n/en.json';
import zh from '../../../renderer/features/dayloop/i18n/zh-CN.json';
import reasonsEn from '../../../renderer/app/i18n/reasons/en.json';
import reasonsZh from '../../../renderer/app/i18n/reasons/zh-CN.json';
import { NEXT_KINDS } from '../../../common/domain/cases/next';
import { resultForKey, requiredStepRule } from '../../../renderer/features/contact/contactRules';
import { contactHref } from '../../../renderer/features/dayloop/contactHref';
import { zonedInstant } from '../../../renderer/features/dayloop/zoned';

function leaves(obj: unknown, prefix = ''): [string, unknown][] {
  if (typeof obj !== 'object' || obj === null) return [[prefix, obj]];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('day-loop translations', () => {
  it('zh-CN and English have the same keys and placeholders, none empty, under one top-level key', () => {
    expect(Object.keys(en)).toEqual(['dayloop']);
    const e = new Map(leaves(en));
    const z = new Map(leaves(zh));
    expect([...z.keys()].sort()).toEqual([...e.keys()].sort());
    for (const [k, v] of e) {
      expect(v, k).not.toBe('');
      expect(z.get(k), k).not.toBe('');
      expect(placeholders(z.get(k)), k).toEqual(placeholders(v));
    }
  });

  it('every reason `cases.next` can give is worded', () => {
    const keys = new Set(leaves(en).map(([k]) => k));
    const reasonKeys = ['callbackDue', 'promiseDue', 'installmentDue', 'promiseBroken', 'installmentBroken', 'queue', 'none', 'noneUntil'];
    expect(reasonKeys.length).toBe(NEXT_KINDS.length + 2);
    for (const k of reasonKeys) expect(keys.has(`dayloop.next.${k}`), k).toBe(true);
  });

  it('the backend reasons of callbacks and inbound are worded in both languages', () => {
    const e = new Map(leaves(reasonsEn));
    const z = new Map(leaves(reasonsZh));
    for (const k of ['unlawfulTime', 'noSuchTime', 'inPast', 'tooFar', 'badZone', 'notFound', 'alreadyClosed', 'caseClosed']) {
      expect(e.get(`reasons.callbacks.${k}`), k).toBeTruthy();
      expect(placeholders(z.get(`reasons.callbacks.${k}`)), k).toEqual(placeholders(e.get(`reasons.callbacks.${k}`)));
    }
    expect(z.get('reasons.inbound.badNumber')).toBeTruthy();
  });
});

describe('contact form keys and links', () => {
  it('0 is no answer; digits pick results in order; letters pick nothing; written channels have no no-answer', () => {
    expect(resultForKey('call', '0')).toBe('no_answer');
    expect(resultForKey('call', '1')).toBe('connected');
    expect(resultForKey('call', '8')).toBeNull();
    expect(resultForKey('call', 'n')).toBeNull();
    expect(resultForKey('sms', '0')).toBeNull();
    expect(resultForKey('visit', '0')).toBe('no_answer');
  });

  it('the step Submit waits for follows the preset', () => {
    expect(requiredStepRule('us-regf')).toBe('US-DISCLOSURE');
    expect(requiredStepRule('uk-conc')).toBe('UK-IDV');
    expect(requiredStepRule('cn')).toBeNull();
  });

  it('a revealed number is a tel: link of its digits; an e-mail a mailto:; anything odd no link', () => {
    expect(contactHref('mobile', '+86 138-0013-8000')).toBe('tel:+8613800138000');
    expect(contactHref('email', 'a.b@example.com')).toBe('mailto:a.b@example.com');
    expect(contactHref('email', 'javascript:alert(1)//@x')).toBeNull();
    expect(contactHref('address', '1 High St')).toBeNull();
    expect(contactHref('phone', 'call reception')).toBeNull();
  });

  it('a borrower-local wall time becomes the right instant, across a DST change', () => {
    expect(zonedInstant('2026-11-26', '15:00', 'Europe/London')?.toISOString()).toBe('2026-11-26T15:00:00.000Z');
    expect(zonedInstant('2026-07-01', '15:00', 'Europe/London')?.toISOString()).toBe('2026-07-01T14:00:00.000Z');
    expect(zonedInstant('2026-11-26', '09:30', 'Asia/Shanghai')?.toISOString()).toBe('2026-11-26T01:30:00.000Z');
    expect(zonedInstant('2026-11-26', '9:30', 'Asia/Shanghai')).toBeNull();
  });
});
