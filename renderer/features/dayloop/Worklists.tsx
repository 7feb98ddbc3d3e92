/** Worklists (key w): callbacks due now, promises due today, broken promises, cases not touched in N days. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKLISTS, type WorklistRow } from '../../../common/api/methods/callbacks';
import { call } from '../../app/api';
import { formatDate, formatInstant } from '../../app/format';
import { Dialog } from '../../components/Dialog';
import { useAction } from '../../components/useAction';
import { useNavigation } from '../../stores/navigation';

type Kind = (typeof WORKLISTS)[number];

function when(kind: Kind, at: string | null, locale: string, never: string): string {
  if (at === null) return never;
  return /^\d{4}-\d{2}-\d{2}$/.test(at) ? formatDate(at, locale) : formatInstant(at, locale, { full: kind === 'untouched' });
}

export function Worklists({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<Kind>('callbacks_due');
  const [days, setDays] = useState(14);
  const [rows, setRows] = useState<WorklistRow[] | null>(null);
  const load = useAction(async (k: Kind, d: number) => setRows(await call((a) => a.callbacks.worklist({ kind: k, days: d }))));
  const { run } = load;
  useEffect(() => void run(kind, days), [run, kind, days]);
  return (
    <Dialog title={t('dayloop.worklists.title')} onClose={onClose} wide testId="worklists">
      <div className="toolbar">
        <label className="field">
          <span>{t('dayloop.worklists.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="worklist-kind">
            {WORKLISTS.map((k) => (
              <option key={k} value={k}>
                {t(`dayloop.worklists.kinds.${k}`, { days })}
              </option>
            ))}
          </select>
        </label>
        {kind === 'untouched' ? (
          <label className="field">
            <span>{t('dayloop.worklists.days')}</span>
            <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(Math.max(1, Math.min(365, Number(e.target.value) || 1)))} />
          </label>
        ) : null}
      </div>
      {load.error ? (
        <p className="form-error" role="alert">
          {load.error}
        </p>
      ) : null}
      {rows !== null && rows.length === 0 ? <p className="muted">{t('dayloop.worklists.empty')}</p> : null}
      <ul className="plain-list" data-testid="worklist-rows" aria-busy={load.busy}>
        {(rows ?? []).map((r) => (
          <li key={r.caseId}>
            {t('dayloop.worklists.row', { reference: r.reference, name: r.borrowerName, when: when(kind, r.at, i18n.language, t('dayloop.worklists.never')) })}{' '}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                useNavigation.getState().openCase(r.caseId);
                onClose();
              }}
            >
              {t('dayloop.worklists.openCase')}
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
