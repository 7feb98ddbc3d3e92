/** The numbers behind the charts: one row per collector (team totals at the foot), one per placement. */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardView, PerformanceFigures } from '../../../../common/api/types-supervisor';
import { money } from '../../../app/format';
import { CHANNELS, formatCount, formatRate, ratePercent } from '../figures';

function ScrollTable({ caption, note, children }: { caption: string; note: string; children: ReactNode }) {
  const id = useId();
  // A scrolling region must be reachable by keyboard to be scrolled; it is named by the caption.
  return (
    <div className="sup-table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="sup-table">
        <caption id={id}>
          {caption}
          <span className="sup-caption-note">{note}</span>
        </caption>
        {children}
      </table>
    </div>
  );
}

function RateCell({ n, rate, of }: { n: number; rate: number | null; of?: number }) {
  const { i18n } = useTranslation();
  const l = i18n.language;
  return (
    <td className="num">
      {formatCount(n, l)}
      {of !== undefined ? <span className="muted">/{formatCount(of, l)}</span> : null}
      <span className="sup-rate">{formatRate(rate, l)}</span>
    </td>
  );
}

/** The cells shared by collector, placement and team rows, from attempts to complaints. */
function SharedCells({ f, withChannels }: { f: PerformanceFigures; withChannels: boolean }) {
  const { i18n } = useTranslation();
  const l = i18n.language;
  return (
    <>
      {withChannels
        ? CHANNELS.map((c) => (
            <td key={c} className="num">
              {formatCount(f.attemptsByChannel[c], l)}
            </td>
          ))
        : null}
      <td className="num sup-strong">{formatCount(f.attempts, l)}</td>
      <RateCell n={f.rightPartyContacts} rate={f.rightPartyRate} />
      <RateCell n={f.promisesMade} rate={f.promiseRate} />
      <RateCell n={f.promisesKept} of={f.promisesDue} rate={f.promiseKeptRate} />
    </>
  );
}

function ConductCells({ f }: { f: PerformanceFigures }) {
  const { i18n } = useTranslation();
  const l = i18n.language;
  return (
    <>
      <td className="num">{formatCount(f.guardrail.warnings, l)}</td>
      <td className={`num${f.guardrail.blocks > 0 ? ' sup-care' : ''}`}>{formatCount(f.guardrail.blocks, l)}</td>
      <td className="num">
        {formatCount(f.guardrail.overridesApproved, l)}
        <span className="muted">/{formatCount(f.guardrail.overridesRequested, l)}</span>
      </td>
      <td className="num">{formatCount(f.complaints.open, l)}</td>
      <td className={`num${f.complaints.overdue > 0 ? ' sup-severe' : ''}`}>{formatCount(f.complaints.overdue, l)}</td>
    </>
  );
}

function SharedHeads({ withChannels }: { withChannels: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {withChannels
        ? CHANNELS.map((c) => (
            <th key={c} scope="col" className="num">
              {t(`supervisor.channels.${c}`)}
            </th>
          ))
        : null}
      <th scope="col" className="num">{t('supervisor.col.attempts')}</th>
      <th scope="col" className="num">{t('supervisor.col.rightParty')}</th>
      <th scope="col" className="num">{t('supervisor.col.promises')}</th>
      <th scope="col" className="num">{t('supervisor.col.kept')}</th>
    </>
  );
}

function ConductHeads() {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col" className="num">{t('supervisor.col.warnings')}</th>
      <th scope="col" className="num">{t('supervisor.col.blocks')}</th>
      <th scope="col" className="num">{t('supervisor.col.overrides')}</th>
      <th scope="col" className="num">{t('supervisor.col.complaintsOpen')}</th>
      <th scope="col" className="num">{t('supervisor.col.complaintsOverdue')}</th>
    </>
  );
}

export function CollectorTable({ view }: { view: DashboardView }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const collected = (f: PerformanceFigures) => (f.collected.length > 0 ? f.collected.map((m) => money(m, l)).join(' · ') : '—');
  return (
    <ScrollTable caption={t('supervisor.tables.collectors')} note={t('supervisor.tables.collectorsNote')}>
        <>
          <thead>
            <tr>
              <th scope="col">{t('supervisor.col.collector')}</th>
              <SharedHeads withChannels />
              <th scope="col" className="num">{t('supervisor.col.collected')}</th>
              <ConductHeads />
            </tr>
          </thead>
          <tbody>
            {view.collectors.length === 0 ? (
              <tr>
                <td colSpan={17} className="muted">{t('supervisor.tables.noCollectors')}</td>
              </tr>
            ) : (
              view.collectors.map((c) => (
                <tr key={c.collector.id} data-testid="sup-collector-row" data-collector-id={c.collector.id}>
                  <th scope="row">
                    {c.collector.displayName} <span className="muted small">{c.collector.username}</span>
                  </th>
                  <SharedCells f={c} withChannels />
                  <td className="num">{collected(c)}</td>
                  <ConductCells f={c} />
                </tr>
              ))
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('supervisor.tables.team')}</th>
              <SharedCells f={view.team} withChannels />
              <td className="num">{collected(view.team)}</td>
              <ConductCells f={view.team} />
            </tr>
          </tfoot>
        </>
    </ScrollTable>
  );
}

export function PlacementTable({ view }: { view: DashboardView }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  return (
    <ScrollTable caption={t('supervisor.tables.placements')} note={t('supervisor.tables.placementsNote')}>
        <>
          <thead>
            <tr>
              <th scope="col">{t('supervisor.col.placement')}</th>
              <SharedHeads withChannels={false} />
              <th scope="col" className="num">{t('supervisor.col.collected')}</th>
              <th scope="col" className="num">{t('supervisor.col.target')}</th>
              <th scope="col">{t('supervisor.col.progress')}</th>
              <ConductHeads />
            </tr>
          </thead>
          <tbody>
            {view.placements.length === 0 ? (
              <tr>
                <td colSpan={13} className="muted">{t('supervisor.tables.noPlacements')}</td>
              </tr>
            ) : (
              view.placements.map((p) => {
                const pct = ratePercent(p.targetProgress);
                const currency = p.placement.currency;
                return (
                  <tr key={p.placement.id} data-testid="sup-placement-row" data-placement-id={p.placement.id}>
                    <th scope="row">
                      <span className="sup-code">{p.placement.code}</span> {p.placement.name}
                    </th>
                    <SharedCells f={p} withChannels={false} />
                    <td className="num">{money({ minor: p.collectedMinor, currency }, l)}</td>
                    <td className="num">{p.targetMinor > 0 ? money({ minor: p.targetMinor, currency }, l) : t('supervisor.tables.noTarget')}</td>
                    <td>
                      {pct === null ? (
                        <span className="muted">—</span>
                      ) : (
                        <span className="sup-progress-cell">
                          <span className="sup-bar" aria-hidden="true">
                            <span className={`sup-bar-fill${pct >= 100 ? ' is-met' : ''}`} style={{ width: `${Math.min(100, pct)}%` }} />
                          </span>
                          {formatRate(p.targetProgress, l)}
                        </span>
                      )}
                    </td>
                    <ConductCells f={p} />
                  </tr>
                );
              })
            )}
          </tbody>
        </>
    </ScrollTable>
  );
}
