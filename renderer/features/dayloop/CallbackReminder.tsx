/**
 * The day-loop bar under the top bar: callbacks due now (polled every minute and on every change
 * of screen), each with Open; the inbound-call lookup (key t) and the worklists (key w). "Later"
 * hides the callbacks shown until another one falls due.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackView } from '../../../common/api/types-dayloop';
import { callWhenIdle } from '../../app/api';
import { formatInstant } from '../../app/format';
import { useHotkeys } from '../../app/hotkeys';
import { useNavigation } from '../../stores/navigation';
import { InboundLookup } from './InboundLookup';
import { Worklists } from './Worklists';

export const REMINDER_POLL_MS = 60_000;

export function DayLoopBar() {
  const { t, i18n } = useTranslation();
  const view = useNavigation((s) => s.view);
  const [due, setDue] = useState<CallbackView[]>([]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [lookup, setLookup] = useState(false);
  const [worklists, setWorklists] = useState(false);

  const poll = useCallback(async () => {
    try {
      setDue(await callWhenIdle((a) => a.callbacks.list({ dueNow: true, limit: 20 })));
    } catch {
      // A failed poll keeps the last list; the next poll or screen change tries again.
    }
  }, []);
  useEffect(() => {
    void poll();
    const timer = window.setInterval(() => void poll(), REMINDER_POLL_MS);
    return () => window.clearInterval(timer);
  }, [poll, view]);
  useHotkeys({ t: () => setLookup(true), w: () => setWorklists(true) });

  const shown = due.filter((c) => !hidden.has(c.id));
  return (
    <div className="dayloop-bar" data-testid="dayloop-bar">
      <button type="button" className="btn btn-small btn-ghost" onClick={() => setLookup(true)} data-testid="open-inbound">
        {t('dayloop.inbound.open')} <kbd aria-hidden="true">t</kbd>
      </button>
      <button type="button" className="btn btn-small btn-ghost" onClick={() => setWorklists(true)} data-testid="open-worklists">
        {t('dayloop.worklists.open')} <kbd aria-hidden="true">w</kbd>
      </button>
      {shown.length > 0 ? (
        <div className="banner banner-warning" role="status" data-testid="callback-reminder">
          <strong>{t('dayloop.reminder.title')}</strong>
          <ul className="inline-list">
            {shown.map((c) => (
              <li key={c.id}>
                {t('dayloop.reminder.item', { reference: c.reference, when: formatInstant(c.dueAt, i18n.language, { timeZone: c.zone, withZone: true }) })}{' '}
                <button type="button" className="btn btn-small" onClick={() => useNavigation.getState().openCase(c.caseId)}>
                  {t('dayloop.reminder.open', { reference: c.reference })}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setHidden(new Set(due.map((c) => c.id)))}>
            {t('dayloop.reminder.dismiss')}
          </button>
        </div>
      ) : null}
      {lookup ? <InboundLookup onClose={() => setLookup(false)} /> : null}
      {worklists ? <Worklists onClose={() => setWorklists(false)} /> : null}
    </div>
  );
}
