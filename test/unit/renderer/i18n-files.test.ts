/** The string files beside the main ones (administration, validation, reasons) say the same things in both languages. */
import { describe, expect, it } from 'vitest';
import adminEn from '../../../renderer/features/admin/i18n/en.json';
import adminZh from '../../../renderer/features/admin/i18n/zh-CN.json';
import validationEn from '../../../renderer/app/i18n/validation/en.json';
import validationZh from '../../../renderer/app/i18n/validation/zh-CN.json';
import reasonsEn from '../../../renderer/app/i18n/reasons/en.json';
import reasonsZh from '../../../renderer/app/i18n/reasons/zh-CN.json';

function leaves(obj: unknown, prefix = ''): [string, string][] {
  if (typeof obj === 'string') return [[prefix, obj]];
  if (typeof obj !== 'object' || obj === null) return [];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
/** i18next plural forms: zh-CN has only `_other`, English `_one` and `_other`. */
const base = (key: string) => key.replace(/_(one|other)$/, '');

describe.each([
  ['administration', adminEn, adminZh],
  ['validation', validationEn, validationZh],
  ['reasons', reasonsEn, reasonsZh],
])('%s strings', (_name, en, zh) => {
  it('have the same keys in zh-CN and English, none empty, with the same placeholders', () => {
    const e = new Map(leaves(en));
    const z = new Map(leaves(zh));
    expect([...new Set([...z.keys()].map(base))].sort()).toEqual([...new Set([...e.keys()].map(base))].sort());
    for (const [k, v] of z) {
      expect(v, k).not.toBe('');
      const counterpart = e.get(k) ?? e.get(`${base(k)}_other`);
      if (counterpart !== undefined && !k.endsWith('_comment')) expect(placeholders(v), k).toEqual(placeholders(counterpart));
    }
  });
});
