/** Record the case outcome with a reason; every outcome but a payment plan closes the case. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseOutcome } from '../../../common/api/types';
import { Dialog } from '../../components/Dialog';
import { DialogForm, FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { call } from '../../app/api';
import { afterChange } from './afterChange';

const OUTCOMES: CaseOutcome[] = ['paid_in_full', 'settled', 'payment_plan', 'returned_to_lender', 'legal_review', 'unable_to_locate'];

export function OutcomeDialog({ detail, onClose }: { detail: CaseDetail; onClose(): void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<CaseOutcome>('paid_in_full');
  const [reason, setReason] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  const valid = reason.trim().length >= 5;
  const closes = outcome !== 'payment_plan';
  const action = useAction(async () => {
    await call((a) => a.cases.setOutcome({ caseId: detail.id, outcome, reason: reason.trim() }));
    onClose();
    await afterChange(t('outcomes.saved', { outcome: t(`caseOutcome.${outcome}`) }));
  });
  return (
    <Dialog title={t('outcomes.title')} onClose={onClose} initialFocus={first} testId="outcome-dialog">
      <DialogForm valid={valid} onSubmit={() => void action.run()}>
        <label className="field">
          <span>{t('outcomes.outcome')}</span>
          <select ref={first} value={outcome} onChange={(e) => setOutcome(e.target.value as CaseOutcome)} data-testid="outcome-select">
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`caseOutcome.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{outcome === 'unable_to_locate' ? t('outcomes.reasonLocate') : t('outcomes.reason')}</span>
          <textarea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={reason.length > 0 && !valid} data-testid="outcome-reason" />
          <span className="field-help">{t('reveal.minChars', { count: 5 })}</span>
        </label>
        {closes ? <p className="form-warning">{t('outcomes.closesCase')}</p> : null}
        <FormActions error={action.error} busy={action.busy} disabled={!valid} submitLabel={t('outcomes.save')} onCancel={onClose} testId="outcome-submit" danger={closes} />
      </DialogForm>
    </Dialog>
  );
}
