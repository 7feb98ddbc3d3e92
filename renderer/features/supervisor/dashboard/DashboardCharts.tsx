/** Three charts where looking beats reading: target progress, attempts by channel, conduct events. */
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardView } from '../../../../common/api/types-supervisor';
import { CHANNELS, anyNonZero, attemptsChartRows, conductChartRows, targetChartRows } from '../figures';
import { CHART_HEIGHT, ChartFigure } from './ChartFigure';

// Distinguishable on white and for common colour-vision deficiencies (Okabe–Ito based).
const CHANNEL_COLOURS: Record<(typeof CHANNELS)[number], string> = {
  call: '#1f5fbf',
  sms: '#e69f00',
  email: '#009e73',
  letter: '#8c6bb1',
  visit: '#d55e00',
};
const CONDUCT_SERIES = [
  ['warnings', '#e69f00'],
  ['blocks', '#b0261f'],
  ['overridesRequested', '#8c6bb1'],
  ['overridesApproved', '#1f5fbf'],
  ['complaintsOpened', '#5d6672'],
  ['complaintsOverdue', '#d55e00'],
] as const;
const AXIS = { fontSize: 12, fill: '#4a525d' };
// Series colours mark the swatch only; text stays dark so it meets contrast on white.
const TOOLTIP_ITEM = { color: '#1b1f24' };
const legendText = (value: unknown) => <span className="sup-legend-text">{String(value)}</span>;

export function DashboardCharts({ view }: { view: DashboardView }) {
  const { t } = useTranslation();
  const targets = targetChartRows(view.placements);
  const attempts = attemptsChartRows(view.collectors);
  const conduct = conductChartRows(view.collectors);
  const percent = (v: unknown) => `${String(v)}%`;

  return (
    <div className="sup-charts">
      <ChartFigure title={t('supervisor.charts.target')} source={t('supervisor.charts.targetSource')} empty={!targets.some((r) => r.hasTarget)}>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={targets} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={AXIS} />
            <YAxis tick={AXIS} tickFormatter={percent} width={52} domain={[0, (max: number) => Math.max(100, Math.ceil(max / 10) * 10)]} />
            <Tooltip itemStyle={TOOLTIP_ITEM} formatter={(v) => [percent(v), t('supervisor.charts.progress')]} />
            <ReferenceLine y={100} stroke="#17663a" strokeDasharray="4 2" label={{ value: t('supervisor.charts.targetLine'), position: 'insideTopRight', fontSize: 11, fill: '#17663a' }} />
            <Bar dataKey="progress" name={t('supervisor.charts.progress')} fill="#1f5fbf" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>

      <ChartFigure title={t('supervisor.charts.attempts')} source={t('supervisor.charts.attemptsSource')} empty={!anyNonZero(attempts)}>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={attempts} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={AXIS} interval={0} angle={-30} textAnchor="end" height={64} />
            <YAxis tick={AXIS} allowDecimals={false} width={44} />
            <Tooltip itemStyle={TOOLTIP_ITEM} />
            <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
            {CHANNELS.map((c) => (
              <Bar key={c} dataKey={c} stackId="attempts" name={t(`supervisor.channels.${c}`)} fill={CHANNEL_COLOURS[c]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>

      <ChartFigure title={t('supervisor.charts.conduct')} source={t('supervisor.charts.conductSource')} empty={!anyNonZero(conduct)}>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={conduct} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={AXIS} interval={0} angle={-30} textAnchor="end" height={64} />
            <YAxis tick={AXIS} allowDecimals={false} width={44} />
            <Tooltip itemStyle={TOOLTIP_ITEM} />
            <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
            {CONDUCT_SERIES.map(([key, colour]) => (
              <Bar key={key} dataKey={key} name={t(`supervisor.conduct.${key}`)} fill={colour} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </div>
  );
}
