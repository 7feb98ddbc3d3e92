/** How each figure is counted, in words, so a supervisor can answer the lender's "what does this mean?". */
import { useTranslation } from 'react-i18next';

const TERMS = ['attempts', 'rightParty', 'promiseRate', 'keptRate', 'collected', 'target', 'guardrail', 'complaints', 'period'] as const;

export function Definitions() {
  const { t } = useTranslation();
  return (
    <details className="sup-definitions">
      <summary>{t('supervisor.definitions.title')}</summary>
      <dl>
        {TERMS.map((k) => (
          <div key={k}>
            <dt>{t(`supervisor.definitions.${k}.term`)}</dt>
            <dd>{t(`supervisor.definitions.${k}.text`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
