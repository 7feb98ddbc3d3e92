/** Conduct: guardrail warnings and blocks, override requests and complaints, with a per-collector summary. */
import type { DashboardView } from '../../../../common/api/types-supervisor';
import type { Db } from '../../../../db/open';
import { exportListings, type ReportParams } from '../../../../db/repos/reporting';
import type { Labels } from '../labels';
import type { Cell, Section } from '../types';

/** "quiet_hours(block), frequency(warn)": rule codes only, never the message texts. */
function rulesOf(reasonsJson: string): string {
  try {
    const reasons: unknown = JSON.parse(reasonsJson);
    if (!Array.isArray(reasons)) return '';
    return reasons
      .map((r: unknown) => (typeof r === 'object' && r !== null && 'rule' in r ? `${String(r.rule)}${'severity' in r ? `(${String(r.severity)})` : ''}` : ''))
      .filter(Boolean)
      .join(', ');
  } catch {
    return '';
  }
}

function listOf(json: string): string {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map(String).join(', ') : '';
  } catch {
    return '';
  }
}

export function conductSections(db: Db, p: ReportParams, labels: Labels, d: Omit<DashboardView, 'remote'>, now: string): Section[] {
  const summary = d.collectors.map((c): Cell[] => [
    c.collector.displayName, c.guardrail.warnings, c.guardrail.blocks, c.guardrail.overridesRequested, c.guardrail.overridesApproved,
    c.complaints.opened, c.complaints.open, c.complaints.overdue,
  ]);
  return [
    {
      title: '合规汇总 Summary by collector',
      columns: [
        { header: '催收员 Collector', type: 'text', width: 16 },
        { header: '警告 Warnings', type: 'int', width: 8 },
        { header: '拦截 Blocks', type: 'int', width: 8 },
        { header: '申请豁免 Overrides requested', type: 'int', width: 10 },
        { header: '批准 Approved', type: 'int', width: 8 },
        { header: '新投诉 Complaints opened', type: 'int', width: 10 },
        { header: '未结 Open now', type: 'int', width: 8 },
        { header: '逾期 Overdue now', type: 'int', width: 8 },
      ],
      total: summary.length,
      rows: () => summary,
      totals: true,
      charts: [
        {
          title: '护栏警告与拦截 Guardrail warnings and blocks per collector',
          unit: 'count',
          series: ['Warnings', 'Blocks'],
          bars: d.collectors.map((c) => ({ label: c.collector.displayName, values: [c.guardrail.warnings, c.guardrail.blocks] })),
        },
        {
          title: '投诉 Complaints open and overdue per collector',
          unit: 'count',
          series: ['Open', 'Overdue'],
          bars: d.collectors.map((c) => ({ label: c.collector.displayName, values: [c.complaints.open, c.complaints.overdue] })),
        },
      ],
    },
    {
      title: '护栏决定 Guardrail warnings and blocks',
      columns: [
        { header: '时间 Time (UTC)', type: 'instant', width: 19 },
        { header: '案件 Case', type: 'text', width: 14 },
        { header: '委案 Placement', type: 'text', width: 11 },
        { header: '借款人 Borrower', type: 'text', width: 14 },
        { header: '操作人 Actor', type: 'text', width: 16 },
        { header: '结论 Verdict', type: 'text', width: 7 },
        { header: '规则 Rules', type: 'text', width: 30 },
        { header: '最早合规 Next allowed (UTC)', type: 'instant', width: 19 },
        { header: '政策版本 Policy', type: 'text', width: 12 },
      ],
      total: exportListings.decisions.count(db, p),
      *rows(): Iterable<Cell[]> {
        for (const [at, caseId, actorId, verdict, reasonsJson, nextAllowed, policy] of exportListings.decisions.iterate(db, p)) {
          const c = labels.caseOf(caseId);
          yield [at, c.reference, c.placement, c.borrower, labels.user(actorId), verdict, rulesOf(reasonsJson), nextAllowed, policy];
        }
      },
    },
    {
      title: '豁免申请 Override requests',
      columns: [
        { header: '申请时间 Requested (UTC)', type: 'instant', width: 19 },
        { header: '案件 Case', type: 'text', width: 14 },
        { header: '申请人 Requested by', type: 'text', width: 16 },
        { header: '规则 Rules', type: 'text', width: 20 },
        { header: '理由 Reason', type: 'text', width: 20 },
        { header: '状态 Status', type: 'text', width: 8 },
        { header: '决定人 Decided by', type: 'text', width: 16 },
        { header: '决定时间 Decided (UTC)', type: 'instant', width: 19 },
        { header: '决定理由 Decision reason', type: 'text', width: 20 },
      ],
      total: exportListings.overrides.count(db, p),
      *rows(): Iterable<Cell[]> {
        for (const [at, caseId, by, rules, reason, status, decidedBy, decidedAt, decisionReason] of exportListings.overrides.iterate(db, p)) {
          yield [at, labels.caseOf(caseId).reference, labels.user(by), listOf(rules), labels.text(reason), status, labels.user(decidedBy), decidedAt, labels.text(decisionReason)];
        }
      },
    },
    {
      title: '投诉 Complaints',
      columns: [
        { header: '受理时间 Opened (UTC)', type: 'instant', width: 19 },
        { header: '案件 Case', type: 'text', width: 14 },
        { header: '借款人 Borrower', type: 'text', width: 14 },
        { header: '处理人 Handler', type: 'text', width: 16 },
        { header: '催收员 Collector', type: 'text', width: 16 },
        { header: '类别 Category', type: 'text', width: 14 },
        { header: '渠道 Channel', type: 'text', width: 8 },
        { header: '状态 Status', type: 'text', width: 9 },
        { header: '答复期限 Due (UTC)', type: 'instant', width: 19 },
        { header: '逾期 Overdue', type: 'bool', width: 7 },
        { header: '结案 Resolved (UTC)', type: 'instant', width: 19 },
        { header: '描述 Description', type: 'text', width: 24 },
      ],
      total: exportListings.complaints.count(db, p),
      *rows(): Iterable<Cell[]> {
        // The handler is the complaint's own assignee (who answers it), not the case's collector.
        for (const [openedAt, caseId, category, channel, status, dueAt, resolvedAt, description, collectorId, handlerId] of exportListings.complaints.iterate(db, p)) {
          const c = labels.caseOf(caseId);
          const open = status === 'open' || status === 'responded' || status === 'escalated';
          yield [openedAt, c.reference, c.borrower, labels.user(handlerId), labels.user(collectorId), category, channel, status, dueAt, open && dueAt < now, resolvedAt, labels.text(description)];
        }
      },
    },
  ];
}
