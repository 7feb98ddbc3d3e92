/**
 * A chart with its caption. The drawing is for the eye only (hidden from assistive technology and
 * out of the tab order); the same numbers are in the tables below, which the note says.
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const CHART_HEIGHT = 240;

export function ChartFigure({ title, source, empty, children }: { title: string; source: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <figure className="sup-chart" data-testid="sup-chart" aria-labelledby={`${id}-cap`} aria-describedby={`${id}-note`}>
      <figcaption id={`${id}-cap`} className="sup-chart-title">
        {title}
      </figcaption>
      {empty ? (
        <p className="sup-chart-empty muted">{t('supervisor.charts.empty')}</p>
      ) : (
        <div className="sup-chart-canvas" aria-hidden="true">
          {children}
        </div>
      )}
      <p id={`${id}-note`} className="muted small">
        {source} {t('supervisor.charts.tableNote')}
      </p>
    </figure>
  );
}
