/** The audit log, newest first, with filters, more pages on request, and a check of its hash chain. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../common/api/methods/audit';
import { call } from '../../app/api';
import { formatDateTime, localZone } from '../../app/format';
import { DialogForm } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { auditQuery, EMPTY_FILTER, type AuditFilter } from './auditQuery';

const PAGE = 100;
const OUTCOMES = ['ok', 'refused', 'failed'] as const;

function detailsText(d: Record<string, unknown>): string {
  const s = JSON.stringify(d);
  return s === '{}' ? '' : s.length > 140 ? `${s.slice(0, 139)}…` : s;
}

export function AuditTab() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<AuditFilter>(EMPTY_FILTER);
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_FILTER);
  const [rows, setRows] = useState<AuditEntryView[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const page = useAction(async (f: AuditFilter, offset: number) => {
    const r = await call((a) => a.audit.list(auditQuery(f, offset, PAGE)));
    setRows((prev) => (offset === 0 ? r.rows : [...prev, ...r.rows]));
    setTotal(r.total);
  });
  const verify = useAction(() => call((a) => a.audit.verify({})));
  const [verdict, setVerdict] = useState<{ ok: boolean; entries: number; brokenAt: number | null } | null>(null);
  const run = page.run;
  const apply = useCallback((f: AuditFilter) => {
    setFilter(f);
    void run(f, 0);
  }, [run]);
  useEffect(() => apply(EMPTY_FILTER), [apply]);
  const zone = localZone();

  return (
    <div className="adm-audit" data-testid="admin-audit">
      <DialogForm valid onSubmit={() => apply(draft)}>
        <div className="sup-toolbar adm-filter">
          <label className="field field-inline">
            <span>{t('admin.audit.from')}</span>
            <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </label>
          <label className="field field-inline">
            <span>{t('admin.audit.to')}</span>
            <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </label>
          <label className="field field-inline">
            <span>{t('admin.audit.action')}</span>
            <input value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} placeholder="auth.login" title={t('admin.audit.actionHelp')} data-testid="audit-action" />
          </label>
          <label className="field field-inline">
            <span>{t('admin.audit.outcome')}</span>
            <select value={draft.outcome} onChange={(e) => setDraft({ ...draft, outcome: e.target.value as AuditFilter['outcome'] })}>
              <option value="">{t('admin.audit.any')}</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`admin.audit.outcomes.${o}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn-small btn-primary" data-testid="audit-filter">
            {t('admin.audit.filter')}
          </button>
          <span className="topbar-spacer" />
          <button
            type="button"
            className="btn btn-small"
            disabled={verify.busy}
            data-testid="audit-verify"
            onClick={() => void verify.run().then((v) => v && setVerdict(v))}
          >
            {verify.busy ? t('admin.audit.verifying') : t('admin.audit.verify')}
          </button>
        </div>
      </DialogForm>
      <div aria-live="polite">
        {verdict ? (
          <p className={verdict.ok ? 'adm-verdict is-ok' : 'adm-verdict is-broken'} data-testid="audit-verdict">
            {verdict.ok ? t('admin.audit.verifyOk', { count: verdict.entries }) : t('admin.audit.verifyBroken', { seq: verdict.brokenAt })}
          </p>
        ) : null}
        {page.error || verify.error ? (
          <p className="form-error" role="alert">
            {page.error ?? verify.error}
          </p>
        ) : null}
      </div>
      <div className="sup-table-wrap" role="region" aria-labelledby="adm-audit-caption" tabIndex={0}>
        <table className="sup-table sup-table-compact">
          <caption id="adm-audit-caption">
            {t('admin.tabs.audit')}
            {total !== null ? <span className="sup-caption-note">{t('admin.audit.total', { count: total })}</span> : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.at')}</th>
              <th scope="col">{t('admin.audit.actor')}</th>
              <th scope="col">{t('admin.audit.action')}</th>
              <th scope="col">{t('admin.audit.object')}</th>
              <th scope="col">{t('admin.audit.outcome')}</th>
              <th scope="col">{t('admin.audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seq}>
                <td className="nowrap">{formatDateTime(r.at, i18n.language, zone)}</td>
                <td>{r.actor ?? t('admin.audit.system')}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>
                  {r.objectType}
                  {r.objectId ? <span className="muted small"> {r.objectId.slice(0, 8)}</span> : null}
                </td>
                <td>{t(`admin.audit.outcomes.${r.outcome}`)}</td>
                <td className="adm-details">{detailsText(r.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {total === 0 ? <p className="muted adm-empty">{t('admin.audit.none')}</p> : null}
      </div>
      {total !== null && rows.length < total ? (
        <button type="button" className="btn btn-small" disabled={page.busy} onClick={() => void page.run(filter, rows.length)}>
          {t('admin.audit.loadMore')}
        </button>
      ) : null}
    </div>
  );
}
