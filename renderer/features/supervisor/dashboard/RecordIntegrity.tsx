/**
 * Whether the rows behind the figures match their signed chain records: a quiet line when they
 * do, an alert naming the first mismatching rows when they do not (the figures count edited data).
 */
import { useTranslation } from 'react-i18next';
import type { RecordIntegrity as Integrity } from '../../../../common/api/types-supervisor';

export function RecordIntegrity({ integrity }: { integrity: Integrity | undefined }) {
  const { t } = useTranslation();
  if (!integrity) return null;
  if (integrity.mismatches === 0) {
    return (
      <p className="muted" data-testid="sup-integrity">
        {t('supervisor.integrity.ok', { activities: integrity.activitiesChecked, payments: integrity.paymentsChecked })}
      </p>
    );
  }
  return (
    <div className="banner banner-error" role="alert" data-testid="sup-integrity">
      <p>{t('supervisor.integrity.mismatch', { count: integrity.mismatches })}</p>
      <ul>
        {integrity.examples.map((m) => (
          <li key={`${m.kind}:${m.id}`}>{t(`supervisor.integrity.${m.problem}`, { kind: t(`supervisor.integrity.kind.${m.kind}`), id: m.id })}</li>
        ))}
      </ul>
    </div>
  );
}
