/**
 * Every error a screen can show reads in the user's language: each error code and each reason key
 * the backend names has a zh-CN and an English wording, and no English sentence reaches zh-CN.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type ApiErrorBody } from '../../../common/api/result';
import { errorText } from '../../../renderer/app/errors';
import { setEnglishRegion } from '../../../renderer/app/format';
import en from '../../../renderer/app/i18n/en.json';
import zh from '../../../renderer/app/i18n/zh-CN.json';
import reasonsEn from '../../../renderer/app/i18n/reasons/en.json';
import reasonsZh from '../../../renderer/app/i18n/reasons/zh-CN.json';
import validationEn from '../../../renderer/app/i18n/validation/en.json';
import validationZh from '../../../renderer/app/i18n/validation/zh-CN.json';

const resources = {
  en: { translation: { ...en, ...reasonsEn, ...validationEn } },
  'zh-CN': { translation: { ...zh, ...reasonsZh, ...validationZh } },
};

/** Two ASCII words in a row (placeholders removed): an English phrase. Single tokens (CSV, ID&V, http(s)) pass. */
function hasAsciiSentence(text: string): boolean {
  return /[A-Za-z]{2,}[\s,.;:'’-]+[A-Za-z]{2,}/.test(text.replace(/\{\{\w+\}\}/g, ''));
}

function lookup(obj: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** Every reason key the backend names, read from its sources (`{ key: 'domain.what'`). */
function backendReasonKeys(): string[] {
  const keys = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/\{ key: '([a-zA-Z]+\.[a-zA-Z.]+)'/g)) keys.add(m[1]!);
    }
  };
  walk(path.join(__dirname, '../../../main'));
  return [...keys].sort();
}

let tEn: TFunction;
let tZh: TFunction;
beforeAll(async () => {
  const make = async (lng: string) => {
    const i = i18next.createInstance();
    await i.init({ resources, lng, fallbackLng: false, interpolation: { escapeValue: false }, returnNull: false });
    return i.t;
  };
  tEn = await make('en');
  tZh = await make('zh-CN');
});

describe('error wordings', () => {
  it('every error code has an English and a zh-CN sentence, and the zh-CN one is not English', () => {
    for (const code of ERROR_CODES) {
      expect(lookup(en, `errors.${code}`), code).toEqual(expect.any(String));
      const z = lookup(zh, `errors.${code}`);
      expect(z, code).toEqual(expect.any(String));
      expect(hasAsciiSentence(z as string), `${code}: ${String(z)}`).toBe(false);
    }
  });

  it('every reason key the backend names is worded in both languages, zh-CN without English', () => {
    const keys = backendReasonKeys();
    expect(keys).toContain('auth.wrongPassword');
    expect(keys).toContain('auth.lockedOut');
    for (const key of keys) {
      expect(lookup(reasonsEn, `reasons.${key}`), key).toEqual(expect.any(String));
      const z = lookup(reasonsZh, `reasons.${key}`);
      expect(z, key).toEqual(expect.any(String));
      expect(hasAsciiSentence(z as string), `${key}: ${String(z)}`).toBe(false);
    }
  });

  it('every zh-CN validation wording is Chinese', () => {
    const walk = (o: unknown, at: string): void => {
      if (typeof o === 'string') expect(hasAsciiSentence(o), `${at}: ${o}`).toBe(false);
      else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, `${at}.${k}`);
    };
    walk(validationZh, 'validation');
  });

  it('the detector itself finds an English sentence', () => {
    expect(hasAsciiSentence('登录已失效，请重新登录。 (Wrong username or password.)')).toBe(true);
    expect(hasAsciiSentence('用户名 {{username}} 已被占用。')).toBe(false);
  });
});

describe('errorText', () => {
  const wrong: ApiErrorBody = { code: 'UNAUTHENTICATED', message: 'Wrong username or password.', reason: { key: 'auth.wrongPassword' } };

  it('words a wrong password in zh-CN without the backend’s English', () => {
    const text = errorText(wrong, tZh, 'zh-CN');
    expect(text).toBe('用户名或密码错误。');
  });

  it('says until when an account is locked, in the user’s locale', () => {
    const locked: ApiErrorBody = { code: 'UNAUTHENTICATED', message: 'locked', reason: { key: 'auth.lockedOut', params: { until: '2026-10-12T14:05:00.000Z' } } };
    const zhText = errorText(locked, tZh, 'zh-CN');
    expect(zhText).toMatch(/2026年10月12日/);
    expect(hasAsciiSentence(zhText)).toBe(false);
    setEnglishRegion('en-GB', false);
    expect(errorText(locked, tEn, 'en')).toMatch(/until 12 Oct 2026/);
    setEnglishRegion('en-US', false);
    expect(errorText(locked, tEn, 'en')).toMatch(/until Oct 12, 2026/);
  });

  it('words validation issues per field from zod’s code, in zh-CN', () => {
    const body: ApiErrorBody = {
      code: 'VALIDATION',
      message: 'Invalid input to auth.changePassword: next: at least 10 characters',
      details: { issues: [{ path: ['next'], message: 'at least 10 characters', code: 'too_small', minimum: 10, origin: 'string' }, { path: ['username'], message: '3–32 characters: letters', code: 'invalid_format' }] },
    };
    const text = errorText(body, tZh, 'zh-CN');
    expect(text).toContain('新密码：至少 10 个字符');
    expect(text).toContain('用户名：3–32 个字符');
    expect(hasAsciiSentence(text)).toBe(false);
    expect(errorText(body, tEn, 'en')).toContain('New password: at least 10 characters');
  });

  it('never appends the backend’s English message on a zh-CN screen, and does on an English one', () => {
    const body: ApiErrorBody = { code: 'CONFLICT', message: 'Something changed underneath.' };
    expect(errorText(body, tZh, 'zh-CN')).not.toMatch(/Something/);
    expect(errorText(body, tEn, 'en')).toMatch(/\(Something changed underneath\.\)/);
    const custom: ApiErrorBody = { code: 'VALIDATION', message: 'x', details: { issues: [{ path: ['paidOn'], message: 'in the future', code: 'custom' }] } };
    expect(hasAsciiSentence(errorText(custom, tZh, 'zh-CN'))).toBe(false);
  });
});
