/** Exports started since the app started, newest first, with where their files are. */
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useExports } from '../exportsStore';
import { formatCount } from '../figures';

export function RecentExports() {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const recent = useExports((s) => s.recent);
  const error = useExports((s) => s.recentError);
  return (
    <section className="sup-recent" aria-labelledby="sup-recent-heading">
      <div className="sup-list-head">
        <h3 id="sup-recent-heading">{t('supervisor.exports.recent')}</h3>
        <button type="button" className="btn btn-small" onClick={() => void useExports.getState().loadRecent()}>
          {t('supervisor.review.reload')}
        </button>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {errorText(error, t)}
        </p>
      ) : null}
      {recent.length === 0 ? (
        <p className="muted">{t('supervisor.exports.noneYet')}</p>
      ) : (
        <div className="sup-table-wrap" role="region" aria-labelledby="sup-recent-caption" tabIndex={0}>
          <table className="sup-table sup-table-compact">
            <caption id="sup-recent-caption" className="visually-hidden">
              {t('supervisor.exports.recentCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('supervisor.exports.col.started')}</th>
                <th scope="col">{t('supervisor.exports.kind')}</th>
                <th scope="col">{t('supervisor.exports.format')}</th>
                <th scope="col">{t('supervisor.exports.col.period')}</th>
                <th scope="col">{t('supervisor.exports.col.pii')}</th>
                <th scope="col">{t('supervisor.exports.col.state')}</th>
                <th scope="col" className="num">{t('supervisor.exports.col.rows')}</th>
                <th scope="col">{t('supervisor.exports.file')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((j) => (
                <tr key={j.jobId} data-testid="sup-export-row" data-job-id={j.jobId} data-state={j.state}>
                  <td>{formatDateTime(j.startedAt, l)}</td>
                  <td>{t(`supervisor.exports.kinds.${j.kind}`)}</td>
                  <td>{t(`supervisor.exports.formats.${j.format}`)}</td>
                  <td>
                    {j.period.from} – {j.period.to}
                  </td>
                  <td>{j.masked ? t('supervisor.exports.masked') : <strong className="sup-care">{t('supervisor.exports.unmasked')}</strong>}</td>
                  <td>{t(`supervisor.exports.state.${j.state}`)}</td>
                  <td className="num">
                    {formatCount(j.rows, l)}
                    <span className="muted">/{formatCount(j.total, l)}</span>
                  </td>
                  <td className="sup-path-cell">{j.file ? <code>{j.file}</code> : j.error ? <span className="sup-severe">{j.error}</span> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
