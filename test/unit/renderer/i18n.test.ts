import { describe, expect, it } from 'vitest';
import en from '../../../renderer/app/i18n/en.json';
import zh from '../../../renderer/app/i18n/zh-CN.json';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

describe('renderer translations', () => {
  it('zh-CN and English have the same keys', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });
  it('every string keeps the same placeholders in both languages', () => {
    const get = (o: unknown, path: string) => path.split('.').reduce<unknown>((a, k) => (a as Record<string, unknown>)[k], o);
    for (const k of keys(en)) {
      const a = get(en, k);
      const b = get(zh, k);
      if (typeof a === 'string' && typeof b === 'string') expect(placeholders(b), k).toEqual(placeholders(a));
    }
  });
  it('no string is empty', () => {
    for (const k of keys(zh)) expect(String(k.split('.').reduce<unknown>((a, x) => (a as Record<string, unknown>)[x], zh)), k).not.toBe('');
  });
});
