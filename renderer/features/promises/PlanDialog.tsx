/** Agree an installment plan: the terms, and the exact schedule they give (from promises.previewPlan). */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/api/types';
import { Dialog } from '../../components/Dialog';
import { MoneyInput } from '../../components/MoneyInput';
import { DialogForm, FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { call, toApiError } from '../../app/api';
import { errorText } from '../../app/errors';
import { addDays, formatDate, money, todayLocal } from '../../app/format';
import { minorToInputString } from '../../../common/domain/money/format';
import { afterChange } from '../case/afterChange';
import { ReplaceNotice, replaceReady } from '../ledger/ReplaceNotice';
import type { PlanPrefill } from '../../stores/caseDialogs';

type Frequency = 'weekly' | 'fortnightly' | 'monthly';
const FREQUENCIES: Frequency[] = ['weekly', 'fortnightly', 'monthly'];
interface Installment {
  seq: number;
  dueDate: string;
  amountMinor: number;
}

export function PlanDialog({ detail, prefill, onClose }: { detail: CaseDetail; prefill: PlanPrefill | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const currency = detail.balance.currency;
  const initialTotal = prefill?.totalMinor ?? detail.balance.minor;
  const [total, setTotal] = useState(minorToInputString(initialTotal, currency));
  const [totalMinor, setTotalMinor] = useState<number | null>(initialTotal);
  const [count, setCount] = useState(prefill?.count ?? 6);
  const [firstDueDate, setFirstDueDate] = useState(addDays(todayLocal(), 7));
  const [frequency, setFrequency] = useState<Frequency>('monthly');
  const [schedule, setSchedule] = useState<Installment[] | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [replaceReason, setReplaceReason] = useState('');
  const first = useRef<HTMLInputElement>(null);
  const valid = totalMinor !== null && totalMinor >= count && count >= 1 && count <= 120 && /^\d{4}-\d{2}-\d{2}$/.test(firstDueDate);
  const terms = valid ? { caseId: detail.id, totalMinor: totalMinor!, count, firstDueDate, frequency } : null;
  const termsKey = JSON.stringify(terms);
  const ready = valid && replaceReady(detail, replaceReason);

  useEffect(() => {
    if (!terms) {
      setSchedule(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      call((a) => a.promises.previewPlan(terms))
        .then((s) => {
          if (live) {
            setSchedule(s);
            setPreviewError(null);
          }
        })
        .catch((err: unknown) => live && setPreviewError(errorText(toApiError(err).body, t)));
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // termsKey stands for `terms` (a fresh object each render).
  }, [termsKey, t]);

  const action = useAction(async () => {
    if (!terms) return;
    await call((a) => a.promises.createPlan({ ...terms, ...(replaceReason.trim() ? { replaceReason: replaceReason.trim() } : {}) }));
    onClose();
    await afterChange(t('plans.created'));
  });

  return (
    <Dialog title={t('plans.new')} onClose={onClose} initialFocus={first} wide testId="plan-dialog">
      <DialogForm valid={ready} onSubmit={() => void action.run()}>
        <div className="form-grid">
          <MoneyInput
            inputRef={first}
            label={t('plans.total')}
            currency={currency}
            value={total}
            onChange={(text, m) => {
              setTotal(text);
              setTotalMinor(m);
            }}
            hint={t('contact.promise.balanceHint', { balance: money(detail.balance, l) })}
            testId="plan-total"
          />
          <label className="field">
            <span>{t('plans.count')}</span>
            <input type="number" min={1} max={120} value={count} onChange={(e) => setCount(Math.max(1, Math.min(120, Math.trunc(Number(e.target.value)) || 1)))} data-testid="plan-count" />
          </label>
          <label className="field">
            <span>{t('plans.frequency')}</span>
            <select value={frequency} onChange={(e) => setFrequency(e.target.value as Frequency)} data-testid="plan-frequency">
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {t(`plans.freq.${f}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('plans.firstDue')}</span>
            <input type="date" min={todayLocal()} value={firstDueDate} onChange={(e) => setFirstDueDate(e.target.value)} data-testid="plan-first-due" />
          </label>
        </div>
        <div className="schedule" aria-live="polite">
          <h3 className="panel-subtitle">{t('plans.schedule')}</h3>
          {previewError ? (
            <p className="form-error">{previewError}</p>
          ) : schedule ? (
            <div className="schedule-scroll">
              <table className="data-table" data-testid="plan-schedule">
                <caption className="visually-hidden">{t('plans.schedule')}</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('promises.due')}</th>
                    <th scope="col" className="num">
                      {t('promises.amount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {schedule.map((i) => (
                    <tr key={i.seq}>
                      <td>{i.seq}</td>
                      <td>{formatDate(i.dueDate, l)}</td>
                      <td className="num">{money({ minor: i.amountMinor, currency }, l)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted small">{t('plans.fillTerms')}</p>
          )}
        </div>
        <ReplaceNotice detail={detail} reason={replaceReason} onReason={setReplaceReason} />
        <FormActions error={action.error} busy={action.busy} disabled={!ready} submitLabel={t('plans.save')} onCancel={onClose} testId="plan-submit" />
      </DialogForm>
    </Dialog>
  );
}
