/**
 * The case's callbacks: why `n` chose this case, the callbacks scheduled on it (done / cancel),
 * and "Schedule a callback" (key b) in a dialog. A time the guardrails would refuse comes back as
 * the backend's worded reason.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/api/types';
import type { CallbackView } from '../../../common/api/types-dayloop';
import { call } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useHotkeys } from '../../app/hotkeys';
import { Dialog } from '../../components/Dialog';
import { DialogForm, FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { useUi } from '../../stores/ui';
import { CallbackFields, callbackValid, emptyCallback, type CallbackDraft } from './CallbackFields';
import { useNextReason } from './nextReason';

export function borrowerZone(detail: CaseDetail): string {
  return detail.borrower.timezones[0] ?? detail.placement.defaultTimezone;
}

/** Schedules a callback on a case; used by the dialog and by the contact form. */
export async function scheduleCallback(detail: CaseDetail, d: CallbackDraft, source: 'case' | 'contact' | 'promise'): Promise<CallbackView> {
  return call((a) => a.callbacks.schedule({ caseId: detail.id, date: d.date, time: d.time, zone: borrowerZone(detail), note: d.note, source }));
}

function CallbackDialog({ detail, onClose, onDone }: { detail: CaseDetail; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const zone = borrowerZone(detail);
  const [draft, setDraft] = useState<CallbackDraft>(() => emptyCallback(zone));
  const action = useAction(async () => {
    const cb = await scheduleCallback(detail, draft, 'case');
    useUi.getState().notify('success', t('dayloop.callback.scheduled', { when: formatDateTime(cb.dueAt, i18n.language, cb.zone) }));
    onDone();
  });
  return (
    <Dialog title={t('dayloop.callback.title')} onClose={onClose} testId="callback-dialog">
      <DialogForm valid={callbackValid(draft)} onSubmit={() => void action.run()}>
        <CallbackFields draft={draft} zone={zone} onChange={setDraft} />
        <FormActions error={action.error} busy={action.busy} disabled={!callbackValid(draft)} submitLabel={t('dayloop.callback.submit')} onCancel={onClose} testId="callback-submit" />
      </DialogForm>
    </Dialog>
  );
}

export function CaseCallbacks({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const why = useNextReason((s) => (s.caseId === detail.id ? s.text : ''));
  const [items, setItems] = useState<CallbackView[]>([]);
  const [dialog, setDialog] = useState(false);
  const load = useCallback(async () => {
    try {
      setItems(await call((a) => a.callbacks.list({ caseId: detail.id, status: 'due' })));
    } catch {
      setItems([]); // the list is a convenience; the case stays usable without it
    }
  }, [detail.id]);
  useEffect(() => void load(), [load]);
  useHotkeys({ b: () => setDialog(true) }, detail.status !== 'closed');

  const closeOne = async (id: string, how: 'complete' | 'cancel') => {
    await call((a) => (how === 'complete' ? a.callbacks.complete({ callbackId: id }) : a.callbacks.cancel({ callbackId: id })));
    await load();
  };

  return (
    <div className="case-dayloop" data-testid="case-callbacks">
      {why ? (
        <p className="banner banner-info" data-testid="why-next">
          <strong>{t('dayloop.next.whyLabel')}:</strong> {why}
        </p>
      ) : null}
      <div className="toolbar">
        <button type="button" className="btn btn-small" onClick={() => setDialog(true)} disabled={detail.status === 'closed'} data-testid="open-callback">
          {t('dayloop.callback.open')} <kbd aria-hidden="true">b</kbd>
        </button>
        {items.map((cb) => (
          <span key={cb.id} className={`badge ${cb.dueNow ? 'badge-severe' : 'badge-muted'}`} data-testid="case-callback">
            {cb.dueNow ? `${t('dayloop.callback.due')} · ` : ''}
            {formatDateTime(cb.dueAt, i18n.language, cb.zone)}
            {cb.note ? ` — ${cb.note}` : ''}{' '}
            <button type="button" className="btn btn-ghost btn-small" onClick={() => void closeOne(cb.id, 'complete')}>
              {t('dayloop.callback.complete')}
            </button>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => void closeOne(cb.id, 'cancel')}>
              {t('dayloop.callback.cancel')}
            </button>
          </span>
        ))}
      </div>
      {dialog ? (
        <CallbackDialog
          detail={detail}
          onClose={() => setDialog(false)}
          onDone={() => {
            setDialog(false);
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
