/** What to export: kind × format × period (+ placement), masked unless a reason is given. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlacementSelect } from '../../../components/PlacementSelect';
import { useExports } from '../exportsStore';
import { useDashboard } from '../dashboardStore';
import { EXPORT_FORMATS, EXPORT_KINDS, exportFormProblem, isFinished, startInput } from '../exportJob';
import { monthToDate, weekToDate } from '../period';
import { DateRangeFields } from '../DateRangeFields';
import { MAX_REASON, MIN_REASON } from '../reason';

export function ExportForm() {
  const { t } = useTranslation();
  const id = useId();
  const form = useExports((s) => s.form);
  const setForm = useExports((s) => s.setForm);
  const starting = useExports((s) => s.starting);
  const running = useExports((s) => s.job !== null && !isFinished(s.job.state));
  const today = useDashboard((s) => s.today);
  const timeZone = useDashboard((s) => s.view?.timeZone);
  const [tried, setTried] = useState(false);
  const problem = exportFormProblem(form);
  const periodBad = problem !== null && problem !== 'reason';
  const reasonBad = problem === 'reason';

  return (
    <form
      className="sup-export-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (problem || starting || running) return;
        void useExports.getState().start(startInput(form));
      }}
    >
      <h3 id={`${id}-title`}>{t('supervisor.exports.new')}</h3>
      <div className="form-grid">
        <label className="field">
          <span>{t('supervisor.exports.kind')}</span>
          <select value={form.kind} onChange={(e) => setForm({ kind: e.target.value as typeof form.kind })} data-testid="sup-export-kind">
            {EXPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`supervisor.exports.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('supervisor.exports.format')}</span>
          <select value={form.format} onChange={(e) => setForm({ format: e.target.value as typeof form.format })} data-testid="sup-export-format">
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`supervisor.exports.formats.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <DateRangeFields value={form} onChange={setForm} invalid={tried && periodBad} describedBy={`${id}-period`} testId="sup-export" />
        <label className="field">
          <span>{t('supervisor.placement.label')}</span>
          <PlacementSelect value={form.placementId} onChange={(placementId) => setForm({ placementId })} allLabel={t('supervisor.placement.all')} testId="sup-export-placement" />
        </label>
      </div>
      <div className="quick-picks">
        <span id={`${id}-period`} className={periodBad ? 'form-error small' : 'muted small'}>
          {periodBad ? t(`supervisor.period.problem.${problem}`) : (timeZone ? t('supervisor.fresh.zoneDays', { zone: timeZone }) : t('supervisor.fresh.agencyDays'))}
        </span>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setForm(weekToDate(today))}>
          {t('supervisor.period.week')}
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setForm(monthToDate(today))}>
          {t('supervisor.period.month')}
        </button>
      </div>
      <div className={`sup-unmask${form.unmask ? ' is-on' : ''}`}>
        <label className="check">
          <input type="checkbox" checked={form.unmask} onChange={(e) => setForm({ unmask: e.target.checked })} aria-describedby={`${id}-mask`} data-testid="sup-export-unmask" />
          <span>{t('supervisor.exports.unmask')}</span>
        </label>
        <p id={`${id}-mask`} className="muted small">
          {form.unmask ? t('supervisor.exports.unmaskWarning') : t('supervisor.exports.maskedNote')}
        </p>
        {form.unmask ? (
          <label className="field">
            <span>{t('supervisor.exports.reason')}</span>
            <input
              type="text"
              value={form.reason}
              maxLength={MAX_REASON}
              onChange={(e) => setForm({ reason: e.target.value })}
              aria-invalid={tried && reasonBad}
              aria-describedby={`${id}-reason`}
              required
              data-testid="sup-export-reason"
            />
            <span id={`${id}-reason`} className={tried && reasonBad ? 'form-error small' : 'field-help'}>
              {t('supervisor.review.reasonHelp', { min: MIN_REASON })}
            </span>
          </label>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={starting || running || problem !== null} data-testid="sup-export-start">
          {starting ? t('common.working') : t('supervisor.exports.start')}
        </button>
      </div>
    </form>
  );
}
