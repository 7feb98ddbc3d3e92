/** Date, time (borrower's zone) and note of a callback, with the time shown in both zones. */
import { useTranslation } from 'react-i18next';
import { dayInZone, formatDateTime } from '../../app/format';
import { zonedInstant } from './zoned';

export interface CallbackDraft {
  date: string;
  time: string;
  note: string;
}

export function emptyCallback(zone: string): CallbackDraft {
  return { date: dayInZone(new Date(Date.now() + 86_400_000), zone), time: '10:00', note: '' };
}

export function callbackValid(d: CallbackDraft): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(d.date) && /^\d{2}:\d{2}$/.test(d.time);
}

export function CallbackFields({ draft, zone, onChange }: { draft: CallbackDraft; zone: string; onChange(d: CallbackDraft): void }) {
  const { t, i18n } = useTranslation();
  const at = zonedInstant(draft.date, draft.time, zone);
  return (
    <div className="callback-fields" data-testid="callback-fields">
      <label className="field">
        <span>{t('dayloop.callback.date')}</span>
        <input type="date" value={draft.date} onChange={(e) => onChange({ ...draft, date: e.target.value })} data-testid="callback-date" />
      </label>
      <label className="field">
        <span>{t('dayloop.callback.time', { zone })}</span>
        <input type="time" value={draft.time} onChange={(e) => onChange({ ...draft, time: e.target.value })} data-testid="callback-time" />
      </label>
      {at ? (
        <p className="field-help" data-testid="callback-both-zones">
          {t('dayloop.callback.borrowerTime', { when: formatDateTime(at.toISOString(), i18n.language, zone) })}
          {' · '}
          {t('dayloop.callback.yourTime', { when: formatDateTime(at.toISOString(), i18n.language, Intl.DateTimeFormat().resolvedOptions().timeZone) })}
        </p>
      ) : null}
      <label className="field field-wide">
        <span>{t('dayloop.callback.note')}</span>
        <input maxLength={500} value={draft.note} onChange={(e) => onChange({ ...draft, note: e.target.value })} data-testid="callback-note" />
      </label>
    </div>
  );
}
