/** The team dashboard: period and placement, freshness, headline figures, charts, and the tables. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../app/errors';
import { useDashboard } from '../dashboardStore';
import { PeriodPicker } from './PeriodPicker';
import { Freshness } from './Freshness';
import { TeamSummary } from './TeamSummary';
import { TodayPanel } from './TodayPanel';
import { DashboardCharts } from './DashboardCharts';
import { CollectorTable, PlacementTable } from './FigureTables';
import { Definitions } from './Definitions';
import { RemoteTeam } from './RemoteTeam';
import { RecordIntegrity } from './RecordIntegrity';

export function DashboardTab() {
  const { t } = useTranslation();
  const view = useDashboard((s) => s.view);
  const sync = useDashboard((s) => s.sync);
  const loading = useDashboard((s) => s.loading);
  const error = useDashboard((s) => s.error);

  useEffect(() => {
    // Each visit shows figures as of now; the last ones stay on screen while the new ones load.
    void useDashboard.getState().load();
  }, []);

  return (
    <div className="sup-dashboard" data-testid="sup-dashboard" aria-busy={loading}>
      <h2 className="visually-hidden">{t('supervisor.tabs.dashboard')}</h2>
      <PeriodPicker />
      {error ? (
        <div className="banner banner-error" role="alert">
          {errorText(error, t)}
          <button type="button" className="btn btn-small" onClick={() => void useDashboard.getState().load()}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}
      <p className="visually-hidden" role="status">
        {loading ? t('common.loading') : view ? t('supervisor.dashboard.loaded') : ''}
      </p>
      {view ? (
        <>
          <Freshness view={view} sync={sync} />
          <RecordIntegrity integrity={view.integrity} />
          <TodayPanel />
          <TeamSummary team={view.team} />
          <DashboardCharts view={view} />
          <CollectorTable view={view} />
          <PlacementTable view={view} />
          <RemoteTeam remote={view.remote} pull={sync?.teamReports ?? null} />
          <Definitions />
        </>
      ) : !error ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </div>
  );
}
