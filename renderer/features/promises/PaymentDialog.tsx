/** Record money received; the backend marks installments and promises kept, partial or broken. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/api/types';
import { Dialog } from '../../components/Dialog';
import { MoneyInput } from '../../components/MoneyInput';
import { DialogForm, FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { call } from '../../app/api';
import { formatDate, money } from '../../app/format';
import { afterChange } from '../case/afterChange';

export function PaymentDialog({ detail, onClose }: { detail: CaseDetail; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const currency = detail.balance.currency;
  const [amount, setAmount] = useState('');
  const [minor, setMinor] = useState<number | null>(null);
  // Today in the case's zone, not the workstation's: the backend refuses dates after it.
  const caseToday = detail.ledger.today;
  const [paidOn, setPaidOn] = useState(caseToday);
  const [reference, setReference] = useState('');
  const first = useRef<HTMLInputElement>(null);
  const valid = minor !== null && minor > 0 && /^\d{4}-\d{2}-\d{2}$/.test(paidOn) && reference.trim().length > 0;
  const action = useAction(async () => {
    if (minor === null) return;
    await call((a) => a.promises.recordPayment({ caseId: detail.id, amountMinor: minor, paidOn, reference: reference.trim() }));
    onClose();
    await afterChange(t('payments.recorded', { amount: money({ minor, currency }, i18n.language) }));
  });
  return (
    <Dialog title={t('payments.new')} onClose={onClose} initialFocus={first} testId="payment-dialog">
      <DialogForm valid={valid} onSubmit={() => void action.run()}>
        <MoneyInput
          inputRef={first}
          label={t('payments.amount')}
          currency={currency}
          value={amount}
          onChange={(text, m) => {
            setAmount(text);
            setMinor(m);
          }}
          hint={t('contact.promise.balanceHint', { balance: money(detail.balance, i18n.language) })}
          testId="payment-amount"
          required
        />
        <label className="field">
          <span>{t('payments.paidOn')}</span>
          <input type="date" required max={caseToday} value={paidOn} onChange={(e) => setPaidOn(e.target.value)} data-testid="payment-date" />
          <span className="field-help" data-testid="payment-date-help">
            {t('ledger.paidOnHelp', { zone: detail.ledger.zone, date: formatDate(caseToday, i18n.language) })}
          </span>
        </label>
        <label className="field">
          <span>{t('payments.reference')}</span>
          <input type="text" required maxLength={100} value={reference} onChange={(e) => setReference(e.target.value)} data-testid="payment-reference" />
          <span className="field-help">{t('payments.referenceHelp')}</span>
        </label>
        <FormActions error={action.error} busy={action.busy} disabled={!valid} submitLabel={t('payments.save')} onCancel={onClose} testId="payment-submit" />
      </DialogForm>
    </Dialog>
  );
}
