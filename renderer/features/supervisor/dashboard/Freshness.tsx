/** Where the dashboard's figures come from and how fresh they are, and how fresh the lender's copy is. */
import { useTranslation } from 'react-i18next';
import type { DashboardView } from '../../../../common/api/types-supervisor';
import type { SyncStatus } from '../../../../common/api/methods/sync';
import { formatDate, formatDateTime } from '../../../app/format';
import { ageMinutes } from '../figures';

export function Freshness({ view, sync }: { view: DashboardView; sync: SyncStatus | null }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const age = ageMinutes(view.asOf, new Date());
  const pending = sync ? sync.pending.reports + sync.pending.records : 0;
  return (
    <div className="sup-freshness" data-testid="sup-freshness">
      <p>
        <strong>{t('supervisor.fresh.period', { from: formatDate(view.period.from, locale), to: formatDate(view.period.to, locale) })}</strong>{' '}
        <span className="muted" data-testid="sup-time-zone" data-time-zone={view.timeZone}>
          {t('supervisor.fresh.zoneDays', { zone: view.timeZone })}
        </span>
      </p>
      <p>
        <span className="badge badge-muted" data-testid="sup-source" data-source={view.source}>
          {t(`supervisor.fresh.source.${view.source}`)}
        </span>{' '}
        <span data-testid="sup-as-of" data-as-of={view.asOf}>
          {t('supervisor.fresh.asOf', { when: formatDateTime(view.asOf, locale) })}
          {age !== null && age > 0 ? ` · ${t('supervisor.fresh.age', { count: age })}` : ''}
        </span>
      </p>
      <p className="muted small">
        {!sync
          ? t('supervisor.fresh.lenderUnknown')
          : !sync.enrolled
            ? t('supervisor.fresh.lenderNotEnrolled')
            : sync.lastSuccessAt
              ? t('supervisor.fresh.lenderSynced', { when: formatDateTime(sync.lastSuccessAt, locale), count: pending })
              : t('supervisor.fresh.lenderNever', { count: pending })}
      </p>
    </div>
  );
}
