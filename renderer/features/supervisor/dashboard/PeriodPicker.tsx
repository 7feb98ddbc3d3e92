/** Period (week / month to date, custom from–to) and placement for the dashboard. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PlacementSelect } from '../../../components/PlacementSelect';
import { useDashboard } from '../dashboardStore';
import { periodProblem, type PeriodMode } from '../period';
import { DateRangeFields } from '../DateRangeFields';

const MODES: PeriodMode[] = ['week', 'month', 'custom'];

export function PeriodPicker() {
  const { t } = useTranslation();
  const id = useId();
  const mode = useDashboard((s) => s.mode);
  const custom = useDashboard((s) => s.custom);
  const placementId = useDashboard((s) => s.placementId);
  const loading = useDashboard((s) => s.loading);
  const { setMode, setCustom, setPlacement, load } = useDashboard.getState();
  const problem = mode === 'custom' ? periodProblem(custom) : null;
  const problemId = `${id}-problem`;

  return (
    <form
      className="sup-toolbar"
      aria-label={t('supervisor.dashboard.controls')}
      onSubmit={(e) => {
        e.preventDefault();
        void load();
      }}
    >
      <fieldset className="sup-segmented">
        <legend>{t('supervisor.period.label')}</legend>
        {MODES.map((m) => (
          <label key={m} className={`sup-segment${mode === m ? ' is-active' : ''}`}>
            <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`sup-period-${m}`} />
            <span>{t(`supervisor.period.${m}`)}</span>
          </label>
        ))}
      </fieldset>
      {mode === 'custom' ? (
        <DateRangeFields value={custom} onChange={setCustom} inline invalid={problem !== null} describedBy={problem ? problemId : undefined} testId="sup-period" />
      ) : null}
      <label className="field field-inline">
        <span>{t('supervisor.placement.label')}</span>
        <PlacementSelect value={placementId} onChange={setPlacement} allLabel={t('supervisor.placement.all')} testId="sup-placement-filter" />
      </label>
      <button type="submit" className="btn btn-primary btn-small" disabled={loading || problem !== null} data-testid="sup-dashboard-refresh">
        {mode === 'custom' ? t('supervisor.period.apply') : t('supervisor.dashboard.refresh')}
      </button>
      {problem ? (
        <p id={problemId} className="form-error small" role="alert">
          {t(`supervisor.period.problem.${problem}`)}
        </p>
      ) : null}
    </form>
  );
}
