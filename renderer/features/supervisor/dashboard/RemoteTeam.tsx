/**
 * Work done on other workstations of the agency: their signed reports, pulled through the lender
 * and verified on this workstation. Said plainly where the figures come from, how fresh they are,
 * and when the last pull failed or a relayed report did not verify.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../common/api/methods/sync';
import type { RemoteTeamView } from '../../../../common/api/types-supervisor';
import { formatDateTime, money } from '../../../app/format';
import { CHANNELS, formatCount } from '../figures';

export function RemoteTeam({ remote, pull }: { remote: RemoteTeamView; pull: SyncStatus['teamReports'] | null }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const id = useId();
  return (
    <section className="sup-remote" aria-labelledby={id} data-testid="sup-remote">
      <h3 id={id}>{t('supervisor.remote.title')}</h3>
      <p className="muted small" data-testid="sup-remote-source">
        {t('supervisor.remote.source')}{' '}
        {remote.lastPulledAt ? t('supervisor.remote.pulled', { when: formatDateTime(remote.lastPulledAt, l) }) : t('supervisor.remote.never')}
      </p>
      {pull?.lastError ? (
        <p className="form-warning small" data-testid="sup-remote-pull-failed">
          {t('supervisor.remote.pullFailed', { reason: pull.lastError })}
        </p>
      ) : null}
      {pull && pull.refused > 0 ? (
        <p className="form-warning small" data-testid="sup-remote-refused">
          {t('supervisor.remote.refused', { count: pull.refused, latest: pull.lastRefused ?? '' })}
        </p>
      ) : null}
      {remote.workstations.length === 0 ? (
        <p className="muted">{t('supervisor.remote.none')}</p>
      ) : (
        <div className="sup-table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
          <table className="sup-table">
            <caption className="visually-hidden">{t('supervisor.remote.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('supervisor.remote.workstation')}</th>
                <th scope="col">{t('supervisor.remote.placement')}</th>
                <th scope="col" className="num">{t('supervisor.remote.reports')}</th>
                {CHANNELS.map((c) => (
                  <th key={c} scope="col" className="num">
                    {t(`channel.${c}`)}
                  </th>
                ))}
                <th scope="col" className="num">{t('supervisor.remote.rpc')}</th>
                <th scope="col" className="num">{t('supervisor.remote.promises')}</th>
                <th scope="col" className="num">{t('supervisor.remote.collected')}</th>
                <th scope="col" className="num">{t('supervisor.remote.conduct')}</th>
                <th scope="col">{t('supervisor.remote.until')}</th>
              </tr>
            </thead>
            <tbody>
              {remote.workstations.map((w) => (
                <tr key={`${w.workstationId}|${w.placementId}`} data-testid="sup-remote-row">
                  <td className="mono">{w.workstationId.slice(-8)}</td>
                  <td>{w.placementCode ?? w.placementId.slice(-8)}</td>
                  <td className="num">{formatCount(w.reports, l)}</td>
                  {CHANNELS.map((c) => (
                    <td key={c} className="num">
                      {formatCount(w.attemptsByChannel[c], l)}
                    </td>
                  ))}
                  <td className="num">{formatCount(w.rightPartyContacts, l)}</td>
                  <td className="num">
                    {formatCount(w.promisesMade, l)} / {formatCount(w.promisesKept, l)}
                  </td>
                  <td className="num">{w.collected.length === 0 ? '—' : w.collected.map((m) => money(m, l)).join(' · ')}</td>
                  <td className="num">
                    {t('supervisor.remote.conductCell', { blocks: w.guardrailBlocks, overrides: w.guardrailOverrides, complaints: w.complaintsOpened })}
                  </td>
                  <td>{formatDateTime(w.coveredUntil, l)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
