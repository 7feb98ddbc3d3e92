/** The export being watched: a progress bar with Cancel while it runs, then the files (or what went wrong). */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApiErrorBody } from '../../../../common/api/result';
import { errorText } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useExports } from '../exportsStore';
import { isFinished, jobSha256, progressPercent } from '../exportJob';
import { formatCount } from '../figures';

/** The shell's CONFLICT sentence speaks of cases; for an export, the backend's own words say more. */
function exportErrorText(error: ApiErrorBody, t: TFunction): string {
  return error.code === 'CONFLICT' || error.code === 'INTERNAL' ? t('supervisor.exports.couldNotRun', { message: error.message }) : errorText(error, t);
}

export function ExportProgress() {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const job = useExports((s) => s.job);
  const error = useExports((s) => s.error);
  const starting = useExports((s) => s.starting);
  const cancelling = useExports((s) => s.cancelling);
  const resultRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const finished = job ? isFinished(job.state) : false;

  // When a job starts, Cancel is the next thing the supervisor may want; when it ends, the result.
  useEffect(() => {
    if (job && !finished) cancelRef.current?.focus();
  }, [job?.jobId, finished]);
  useEffect(() => {
    if (finished) resultRef.current?.focus();
  }, [finished, job?.jobId]);

  if (!job) {
    return (
      <div className="sup-export-status" aria-live="polite">
        {error ? (
          <p className="form-error" role="alert">
            {exportErrorText(error, t)}
          </p>
        ) : (
          <p className="muted">{starting ? t('supervisor.exports.starting') : t('supervisor.exports.idle')}</p>
        )}
      </div>
    );
  }

  const pct = progressPercent(job);
  const sha = jobSha256(job);
  return (
    <div className="sup-export-status">
      <h3>{t(`supervisor.exports.kinds.${job.kind}`)} · {t(`supervisor.exports.formats.${job.format}`)}</h3>
      <p className="muted small">
        {t('supervisor.exports.jobPeriod', { from: job.period.from, to: job.period.to })} ·{' '}
        {job.masked ? t('supervisor.exports.masked') : t('supervisor.exports.unmasked')}
      </p>
      <div
        className="sup-progress"
        role="progressbar"
        aria-label={t('supervisor.exports.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={t('supervisor.exports.progressText', { pct, rows: formatCount(job.rows, l), total: formatCount(job.total, l) })}
        data-testid="sup-export-progress"
        data-state={job.state}
      >
        <span className={`sup-progress-fill is-${job.state}`} style={{ width: `${pct}%` }} />
      </div>
      <p className="small" aria-live="polite">
        {t(`supervisor.exports.state.${job.state}`)} — {t('supervisor.exports.progressText', { pct, rows: formatCount(job.rows, l), total: formatCount(job.total, l) })}
      </p>
      {!finished ? (
        <button ref={cancelRef} type="button" className="btn btn-small" onClick={() => void useExports.getState().cancel()} disabled={cancelling} data-testid="sup-export-cancel">
          {cancelling ? t('common.working') : t('supervisor.exports.cancel')}
        </button>
      ) : null}
      {error && !finished ? <p className="form-error small">{exportErrorText(error, t)}</p> : null}
      {finished ? (
        <div ref={resultRef} tabIndex={-1} className={`sup-export-result is-${job.state}`} role="status">
          {job.state === 'done' ? (
            <div data-testid="sup-export-done">
              <p className="sup-strong">{t('supervisor.exports.doneTitle', { rows: formatCount(job.rows, l) })}</p>
              <dl className="sup-paths">
                <div>
                  <dt>{t('supervisor.exports.file')}</dt>
                  <dd>
                    <code data-testid="sup-export-file">{job.file}</code>
                  </dd>
                </div>
                <div>
                  <dt>{t('supervisor.exports.manifest')}</dt>
                  <dd>
                    <code data-testid="sup-export-manifest">{job.manifestFile}</code>
                  </dd>
                </div>
                {sha ? (
                  <div>
                    <dt>{t('supervisor.exports.sha256')}</dt>
                    <dd>
                      <code className="sup-hash">{sha}</code>
                    </dd>
                  </div>
                ) : null}
              </dl>
              <p className="muted small">{t('supervisor.exports.manifestNote')}</p>
              {job.finishedAt ? <p className="muted small">{t('supervisor.exports.finishedAt', { when: formatDateTime(job.finishedAt, l) })}</p> : null}
            </div>
          ) : job.state === 'failed' ? (
            <p className="form-error">{t('supervisor.exports.failed', { error: job.error ?? '' })}</p>
          ) : (
            <p>{t('supervisor.exports.cancelled')}</p>
          )}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => useExports.getState().dismiss()}>
            {t('supervisor.exports.dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
