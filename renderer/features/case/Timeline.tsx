/** One timeline: activities, promises, payments, complaints, plans and guardrail decisions, newest first. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TimelineItem } from '../../../common/api/types';
import { formatDate, formatDateTime, money } from '../../app/format';
import { VerdictBadge } from '../../components/DecisionPanel';

const KINDS: TimelineItem['kind'][] = ['activity', 'promise', 'payment', 'plan', 'complaint', 'decision', 'lender_contact', 'outcome'];
const KIND_ICON: Record<TimelineItem['kind'], string> = {
  activity: '☎',
  promise: '✍',
  payment: '¤',
  plan: '▦',
  complaint: '⚑',
  decision: '⚖',
  lender_contact: '⇄',
  outcome: '⚐',
};
/** Detail keys shown as words via translation of their value. */
const ENUM_KEYS = new Set(['channel', 'result', 'outcome', 'status', 'direction', 'party', 'category', 'verdict', 'kind', 'method', 'source', 'arrangement']);
const HIDDEN_KEYS = new Set(['id', 'caseId', 'activityId', 'decisionId', 'contactPointId', 'hash', 'prevHash', 'reasons', 'rules', 'action', 'policyVersion']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Where a `status` value is translated, by item kind. */
const STATUS_KEYS: Partial<Record<TimelineItem['kind'], string>> = { promise: 'promises.state', plan: 'plans.state', complaint: 'complaints.state' };

function isMoney(x: unknown): x is { minor: number; currency: string } {
  return typeof x === 'object' && x !== null && typeof (x as { minor?: unknown }).minor === 'number' && typeof (x as { currency?: unknown }).currency === 'string';
}

function formatValue(kind: TimelineItem['kind'], key: string, value: unknown, t: TFunction, locale: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (isMoney(value)) return money(value, locale);
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return value.toLocaleString(locale);
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value, locale);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
    if (key === 'status' && STATUS_KEYS[kind]) return t(`${STATUS_KEYS[kind]}.${value}`, { defaultValue: value });
    if (ENUM_KEYS.has(key)) return t(`enum.${key}.${value}`, { defaultValue: t(`outcome.${value}`, { defaultValue: value }) });
    return value;
  }
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? value.join(', ') : null;
  return null;
}

interface ReasonLine {
  rule: string;
  message: string;
}

/** The rules behind a recorded decision, with their message in the collector's language. */
function reasonLines(detail: Record<string, unknown>, lang: string): ReasonLine[] {
  const reasons = (detail.reasons ?? (detail.decision as { reasons?: unknown } | undefined)?.reasons) as unknown;
  if (!Array.isArray(reasons)) return [];
  return reasons.flatMap((r: unknown) => {
    if (typeof r !== 'object' || r === null) return [];
    const o = r as { rule?: unknown; message?: Record<string, unknown> };
    const m = o.message ?? {};
    const message = (lang === 'zh-CN' ? (m['zh-CN'] ?? m.en) : (m.en ?? m['zh-CN'])) as unknown;
    return typeof o.rule === 'string' ? [{ rule: o.rule, message: typeof message === 'string' ? message : '' }] : [];
  });
}

const LONG_TEXT = 240;

function TimelineText({ text }: { text: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const long = text.length > LONG_TEXT;
  return (
    <div className="tl-text">
      <p className={long && !open ? 'tl-text-clamped' : undefined}>{text}</p>
      {long ? (
        <button type="button" className="btn btn-ghost btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('timeline.less') : t('timeline.more')}
        </button>
      ) : null}
    </div>
  );
}

function TimelineEntry({ item }: { item: TimelineItem }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const verdict = (item.detail.verdict ?? (item.detail.decision as { verdict?: unknown } | undefined)?.verdict) as unknown;
  const rules = reasonLines(item.detail, i18n.language);
  const text = typeof item.detail.text === 'string' ? item.detail.text : null;
  const fields = Object.entries(item.detail)
    .filter(([k]) => !HIDDEN_KEYS.has(k) && k !== 'text' && k !== 'verdict' && k !== 'decision')
    .map(([k, v]) => [k, formatValue(item.kind, k, v, t, locale)] as const)
    .filter((e): e is readonly [string, string] => e[1] !== null);
  return (
    <li className={`tl-item tl-${item.kind}`} data-testid="timeline-item" data-kind={item.kind}>
      <span className="tl-icon" aria-hidden="true">
        {KIND_ICON[item.kind]}
      </span>
      <div className="tl-body">
        <div className="tl-head">
          <span className="tl-kind">{t(`timeline.kind.${item.kind}`)}</span>
          <strong className="tl-title">{t(`timeline.title.${item.title}`, { defaultValue: item.title.replace(/[._]/g, ' ') })}</strong>
          {verdict === 'allow' || verdict === 'warn' || verdict === 'block' ? <VerdictBadge verdict={verdict} /> : null}
          <time className="tl-at" dateTime={item.at}>
            {formatDateTime(item.at, locale)}
          </time>
        </div>
        {fields.length > 0 ? (
          <p className="tl-fields">
            {fields.map(([k, v]) => (
              <span key={k} className="tl-field">
                <span className="muted">{t(`timeline.detail.${k}`, { defaultValue: k })}:</span> {v}
              </span>
            ))}
          </p>
        ) : null}
        {rules.length > 0 ? (
          <ul className="tl-reasons">
            {rules.map((r, i) => (
              <li key={`${r.rule}-${i}`}>
                <code className="rule-id">{r.rule}</code> {r.message}
              </li>
            ))}
          </ul>
        ) : null}
        {text ? <TimelineText text={text} /> : null}
        {item.actor && !UUID.test(item.actor) ? <p className="tl-actor muted small">{t('timeline.by', { actor: item.actor })}</p> : null}
      </div>
    </li>
  );
}

export function Timeline({ items }: { items: TimelineItem[] }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TimelineItem['kind'] | 'all'>('all');
  const sorted = useMemo(
    () => [...items].filter((i) => kind === 'all' || i.kind === kind).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)),
    [items, kind],
  );
  return (
    <section className="panel panel-timeline" aria-labelledby="timeline-heading">
      <div className="panel-head">
        <h2 id="timeline-heading" className="panel-title">
          {t('timeline.title_heading')} <span className="muted small">({items.length})</span>
        </h2>
        <label className="field field-inline">
          <span>{t('timeline.show')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as TimelineItem['kind'] | 'all')}>
            <option value="all">{t('timeline.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`timeline.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ol className="timeline" data-testid="timeline">
        {sorted.map((item) => (
          <TimelineEntry key={item.id} item={item} />
        ))}
      </ol>
      {sorted.length === 0 ? <p className="muted">{t('timeline.empty')}</p> : null}
    </section>
  );
}
