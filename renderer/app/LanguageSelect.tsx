/** The interface language, switched at once (and remembered). */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage, setLanguage } from './i18n';

export function LanguageSelect({ className, testId }: { className: string; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <label className={className}>
      <span className="visually-hidden">{t('shell.language')}</span>
      <select value={i18n.language} onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)} data-testid={testId}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
