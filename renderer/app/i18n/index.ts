/** i18n: zh-CN first, English second. The choice persists in localStorage and sets <html lang>. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';
import supervisorEn from '../../features/supervisor/i18n/en.json';
import supervisorZhCN from '../../features/supervisor/i18n/zh-CN.json';
import authEn from '../../features/auth/i18n/en.json';
import authZhCN from '../../features/auth/i18n/zh-CN.json';
import dayloopEn from '../../features/dayloop/i18n/en.json';
import dayloopZhCN from '../../features/dayloop/i18n/zh-CN.json';
import lettersEn from '../../features/letters/i18n/en.json';
import lettersZhCN from '../../features/letters/i18n/zh-CN.json';
import reasonsEn from './reasons/en.json';
import reasonsZhCN from './reasons/zh-CN.json';
import validationEn from './validation/en.json';
import validationZhCN from './validation/zh-CN.json';
import adminEn from '../../features/admin/i18n/en.json';
import adminZhCN from '../../features/admin/i18n/zh-CN.json';
import ledgerEn from '../../features/ledger/i18n/en.json';
import ledgerZhCN from '../../features/ledger/i18n/zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'casedesk.lang';

export function isLanguage(x: unknown): x is Language {
  return typeof x === 'string' && (LANGUAGES as readonly string[]).includes(x);
}

/** `zh`, `zh-Hans-CN`, `zh-CN` → zh-CN; `en-GB`, `en-US` → en; otherwise null. */
export function languageFromLocale(locale: string | null | undefined): Language | null {
  if (!locale) return null;
  const l = locale.toLowerCase();
  if (l.startsWith('zh')) return 'zh-CN';
  if (l.startsWith('en')) return 'en';
  return null;
}

function storedLanguage(): Language | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

export function hasStoredLanguage(): boolean {
  return storedLanguage() !== null;
}

export function initI18n(): typeof i18n {
  const lng = storedLanguage() ?? 'zh-CN';
  void i18n.use(initReactI18next).init({
    // Features with their own string files are merged in here, each under its own top-level key.
    // Features that keep their own strings (sign-in, the supervisor console) add one top-level key each.
    resources: {
      'zh-CN': { translation: { ...zhCN, ...authZhCN, ...supervisorZhCN, ...dayloopZhCN, ...lettersZhCN, ...ledgerZhCN, ...reasonsZhCN, ...validationZhCN, ...adminZhCN } },
      en: { translation: { ...en, ...authEn, ...supervisorEn, ...dayloopEn, ...lettersEn, ...ledgerEn, ...reasonsEn, ...validationEn, ...adminEn } },
    },
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = lng;
  return i18n;
}

export function setLanguage(lng: Language, persist = true): void {
  if (persist) {
    try {
      window.localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      // Storage can be unavailable (private profile); the switch still applies for this session.
    }
  }
  void i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

export { i18n };
