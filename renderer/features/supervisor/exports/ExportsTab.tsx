/** Report exports for the lender and auditors: choose, start, watch, cancel, find the files. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useExports } from '../exportsStore';
import { useDashboard } from '../dashboardStore';
import { monthToDate, periodProblem } from '../period';
import { ExportForm } from './ExportForm';
import { ExportProgress } from './ExportProgress';
import { RecentExports } from './RecentExports';

export function ExportsTab() {
  const { t } = useTranslation();

  useEffect(() => {
    const { form, setForm, loadRecent } = useExports.getState();
    // Start from the period on the dashboard: the supervisor usually exports what they were looking at.
    if (!form.from || !form.to) {
      const d = useDashboard.getState();
      const seen = d.period();
      setForm({ ...(periodProblem(seen) ? monthToDate(d.today) : seen), placementId: form.placementId || d.placementId });
    }
    void loadRecent();
  }, []);

  return (
    <section className="sup-exports" aria-labelledby="sup-exports-heading">
      <h2 id="sup-exports-heading">{t('supervisor.exports.title')}</h2>
      <p className="muted small">{t('supervisor.exports.intro')}</p>
      <div className="sup-exports-grid">
        <ExportForm />
        <ExportProgress />
      </div>
      <RecentExports />
    </section>
  );
}
