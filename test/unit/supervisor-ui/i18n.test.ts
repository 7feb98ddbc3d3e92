import { describe, expect, it } from 'vitest';
import en from '../../../renderer/features/supervisor/i18n/en.json';
import zh from '../../../renderer/features/supervisor/i18n/zh-CN.json';

function leaves(obj: unknown, prefix = ''): [string, unknown][] {
  if (typeof obj !== 'object' || obj === null) return [[prefix, obj]];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('supervisor translations', () => {
  it('everything lives under one top-level "supervisor" key', () => {
    expect(Object.keys(en)).toEqual(['supervisor']);
    expect(Object.keys(zh)).toEqual(['supervisor']);
  });

  it('zh-CN and English have the same keys, placeholders, and no empty strings', () => {
    const e = new Map(leaves(en));
    const z = new Map(leaves(zh));
    expect([...z.keys()].sort()).toEqual([...e.keys()].sort());
    for (const [k, v] of e) {
      expect(typeof v, k).toBe('string');
      expect(v, k).not.toBe('');
      expect(z.get(k), k).not.toBe('');
      expect(placeholders(z.get(k)), k).toEqual(placeholders(v));
    }
  });
});

describe('supervisor keys in use', () => {
  it('every literal t("supervisor.…") key in the console has an English string', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(__dirname, '../../../renderer/features/supervisor');
    const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'));
    const known = new Set(leaves(en).map(([k]) => k.replace(/_(one|other)$/, '')));
    const missing: string[] = [];
    for (const f of files) {
      const src = fs.readFileSync(path.join(root, f), 'utf8');
      for (const m of src.matchAll(/['"](supervisor\.[A-Za-z0-9_.]+)['"]/g)) if (!known.has(m[1]!)) missing.push(`${f}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
