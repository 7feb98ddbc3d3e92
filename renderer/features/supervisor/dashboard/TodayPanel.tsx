/**
 * Live "today" for the floor: per collector and for the team, the dials (calls), right-party
 * contacts, promises and money collected today, and per placement today's money against its daily
 * pace (the target spread over the placement's days). "Today" is the agency's day as the backend
 * counts it; the panel refreshes every minute while it is on screen.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardView, PerformanceFigures } from '../../../../common/api/types-supervisor';
import { call } from '../../../app/api';
import { money } from '../../../app/format';
import { useSession } from '../../../stores/session';
import { useDashboard } from '../dashboardStore';
import { formatCount, formatRate } from '../figures';
import { dailyTarget, paceOf } from './today';

const REFRESH_MS = 60_000;

function Cells({ f, l }: { f: PerformanceFigures; l: string }) {
  return (
    <>
      <td className="num">{formatCount(f.attemptsByChannel.call, l)}</td>
      <td className="num">{formatCount(f.rightPartyContacts, l)}</td>
      <td className="num">{formatCount(f.promisesMade, l)}</td>
      <td className="num">{f.collected.length > 0 ? f.collected.map((m) => money(m, l)).join(' · ') : '—'}</td>
    </>
  );
}

export function TodayPanel() {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const today = useDashboard((s) => s.view?.today ?? null);
  const placements = useSession((s) => s.placements);
  const [view, setView] = useState<DashboardView | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!today) return;
    let live = true;
    const load = () =>
      call((a) => a.supervisor.dashboard({ from: today, to: today }))
        .then((v) => {
          if (!live) return;
          setView(v);
          setFailed(false);
        })
        .catch(() => live && setFailed(true));
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [today]);

  if (!view) return failed ? <p className="form-error small">{t('supervisor.today.failed')}</p> : null;
  return (
    <section className="sup-today" aria-labelledby="sup-today-heading" data-testid="sup-today">
      <h2 id="sup-today-heading">{t('supervisor.today.title', { day: view.today })}</h2>
      <p className="muted small">{t('supervisor.today.intro', { zone: view.timeZone })}</p>
      <table className="sup-table sup-table-compact">
        <thead>
          <tr>
            <th scope="col">{t('supervisor.today.col.collector')}</th>
            <th scope="col" className="num">{t('supervisor.today.col.dials')}</th>
            <th scope="col" className="num">{t('supervisor.today.col.rpc')}</th>
            <th scope="col" className="num">{t('supervisor.today.col.promises')}</th>
            <th scope="col" className="num">{t('supervisor.today.col.collected')}</th>
          </tr>
        </thead>
        <tbody>
          {view.collectors.map((c) => (
            <tr key={c.collector.id} data-testid="sup-today-collector">
              <th scope="row">{c.collector.displayName}</th>
              <Cells f={c} l={l} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="sup-today-team">
            <th scope="row">{t('supervisor.today.team')}</th>
            <Cells f={view.team} l={l} />
          </tr>
        </tfoot>
      </table>
      <table className="sup-table sup-table-compact">
        <thead>
          <tr>
            <th scope="col">{t('supervisor.today.col.placement')}</th>
            <th scope="col" className="num">{t('supervisor.today.col.collected')}</th>
            <th scope="col" className="num">{t('supervisor.today.col.dailyTarget')}</th>
            <th scope="col" className="num">{t('supervisor.today.col.pace')}</th>
          </tr>
        </thead>
        <tbody>
          {view.placements.map((p) => {
            const meta = placements.find((x) => x.id === p.placement.id);
            const daily = meta ? dailyTarget(p.targetMinor, meta.startDate, meta.endDate) : 0;
            return (
              <tr key={p.placement.id} data-testid="sup-today-placement">
                <th scope="row">{p.placement.code}</th>
                <td className="num">{money({ minor: p.collectedMinor, currency: p.placement.currency }, l)}</td>
                <td className="num">{daily > 0 ? money({ minor: daily, currency: p.placement.currency }, l) : '—'}</td>
                <td className="num">{formatRate(paceOf(p.collectedMinor, daily), l)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
