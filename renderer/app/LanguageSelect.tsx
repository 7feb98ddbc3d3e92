/**
 * The interface language, switched at once (and remembered). English comes as British or American
 * English: the same words, dates written day-first or month-first (format.ts).
 */
import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n';
import { englishRegion, setEnglishRegion } from './format';

/** `en` is British English (its value predates the choice of region), `en-US` American. */
const CHOICES = ['zh-CN', 'en', 'en-US'] as const;

export function LanguageSelect({ className, testId }: { className: string; testId: string }) {
  const { t, i18n } = useTranslation();
  const value = i18n.language === 'en' ? (englishRegion() === 'en-US' ? 'en-US' : 'en') : i18n.language;
  const choose = (v: string) => {
    if (v === 'zh-CN') return setLanguage('zh-CN');
    setEnglishRegion(v === 'en-US' ? 'en-US' : 'en-GB');
    setLanguage('en');
  };
  return (
    <label className={className}>
      <span className="visually-hidden">{t('shell.language')}</span>
      <select value={value} onChange={(e) => choose(e.target.value)} data-testid={testId}>
        {CHOICES.map((l) => (
          <option key={l} value={l}>
            {t(`account.locales.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
