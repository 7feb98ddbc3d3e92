/** Team performance: the dashboard's figures per collector and per placement, with bar charts. */
import type { Money } from '../../../../common/api/types';
import type { DashboardView, PerformanceFigures } from '../../../../common/api/types-supervisor';
import type { BarChart, Cell, Column, Section } from '../types';

const moneyIn = (list: Money[], currency: string): Money => list.find((m) => m.currency === currency) ?? { minor: 0, currency };

function currenciesOf(d: Omit<DashboardView, 'remote'>): string[] {
  return [...new Set(d.collectors.flatMap((c) => c.collected.map((m) => m.currency)).concat(d.placements.map((p) => p.placement.currency)))].sort();
}

const FIGURE_COLUMNS: Column[] = [
  { header: '电话 Calls', type: 'int', width: 7 },
  { header: '短信 SMS', type: 'int', width: 6 },
  { header: '邮件 Email', type: 'int', width: 6 },
  { header: '信函 Letters', type: 'int', width: 7 },
  { header: '上门 Visits', type: 'int', width: 6 },
  { header: '尝试 Attempts', type: 'int', width: 8 },
  { header: '本人接通 RPC', type: 'int', width: 8 },
  { header: '接通率 RPC rate', type: 'percent', width: 8 },
  { header: '承诺 Promises', type: 'int', width: 8 },
  { header: '承诺率 Promise rate', type: 'percent', width: 8 },
  { header: '到期 Due', type: 'int', width: 6 },
  { header: '兑现 Kept', type: 'int', width: 6 },
  { header: '兑现率 Kept rate', type: 'percent', width: 8 },
];

const figureCells = (f: PerformanceFigures): Cell[] => [
  f.attemptsByChannel.call, f.attemptsByChannel.sms, f.attemptsByChannel.email, f.attemptsByChannel.letter, f.attemptsByChannel.visit,
  f.attempts, f.rightPartyContacts, f.rightPartyRate, f.promisesMade, f.promiseRate, f.promisesDue, f.promisesKept, f.promiseKeptRate,
];

export function performanceSections(d: Omit<DashboardView, 'remote'>): Section[] {
  const currencies = currenciesOf(d);
  const collectorRows = d.collectors.map((c): Cell[] => [c.collector.displayName, ...figureCells(c), ...currencies.map((cur) => moneyIn(c.collected, cur))]);
  const placementRows = d.placements.map((p): Cell[] => [
    p.placement.code, p.placement.name, ...figureCells(p),
    { minor: p.collectedMinor, currency: p.placement.currency }, { minor: p.targetMinor, currency: p.placement.currency }, p.targetProgress,
  ]);
  const charts: BarChart[] = [
    {
      title: '各催收员联系尝试与本人接通 Attempts and right-party contacts per collector',
      unit: 'count',
      series: ['Attempts', 'RPC'],
      bars: d.collectors.map((c) => ({ label: c.collector.displayName, values: [c.attempts, c.rightPartyContacts] })),
    },
    {
      title: '承诺与兑现 Promises made and kept per collector',
      unit: 'count',
      series: ['Promises', 'Kept'],
      bars: d.collectors.map((c) => ({ label: c.collector.displayName, values: [c.promisesMade, c.promisesKept] })),
    },
    {
      title: '回款目标完成率 Collected vs target per placement',
      unit: 'percent',
      series: ['Progress'],
      bars: d.placements.map((p) => ({ label: p.placement.code, values: [p.targetProgress ?? 0] })),
    },
  ];
  return [
    {
      title: '催收员 Collectors',
      columns: [{ header: '催收员 Collector', type: 'text', width: 16 }, ...FIGURE_COLUMNS, ...currencies.map((cur): Column => ({ header: `回款 Collected ${cur}`, type: 'money', width: 12 }))],
      total: collectorRows.length,
      rows: () => collectorRows,
      charts,
      totals: true,
    },
    {
      title: '委案 Placements',
      columns: [
        { header: '委案 Placement', type: 'text', width: 11 },
        { header: '名称 Name', type: 'text', width: 18 },
        ...FIGURE_COLUMNS,
        { header: '回款 Collected', type: 'money', width: 12 },
        { header: '目标 Target', type: 'money', width: 12 },
        { header: '完成率 Progress', type: 'percent', width: 8 },
      ],
      total: placementRows.length,
      rows: () => placementRows,
      totals: true,
    },
  ];
}
