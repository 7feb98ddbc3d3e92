/** Offer to settle for less than the balance: agreed at once within the lender's authority, else sent to a supervisor. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/api/types';
import { withinAuthority } from '../../../common/domain/ledger/settlement';
import { Dialog } from '../../components/Dialog';
import { MoneyInput } from '../../components/MoneyInput';
import { DialogForm, FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { call } from '../../app/api';
import { addDays, money } from '../../app/format';
import { afterChange } from '../case/afterChange';

export function SettlementDialog({ detail, onClose }: { detail: CaseDetail; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const currency = detail.balance.currency;
  const [amount, setAmount] = useState('');
  const [minor, setMinor] = useState<number | null>(null);
  const [dueDate, setDueDate] = useState(addDays(detail.ledger.today, 7));
  const [reason, setReason] = useState('');
  const first = useRef<HTMLInputElement>(null);
  const bps = detail.ledger.discountAuthorityBps;
  const valid = minor !== null && minor > 0 && minor < detail.balance.minor && /^\d{4}-\d{2}-\d{2}$/.test(dueDate) && reason.trim().length >= 5;
  const within = minor !== null && withinAuthority(detail.balance.minor, minor, bps);
  const action = useAction(async () => {
    if (minor === null) return;
    const s = await call((a) => a.promises.proposeSettlement({ caseId: detail.id, amountMinor: minor, dueDate, reason: reason.trim() }));
    onClose();
    await afterChange(t(s.status === 'agreed' ? 'ledger.settlement.agreed' : 'ledger.settlement.pending', { amount: money(s.amount, l) }));
  });
  return (
    <Dialog title={t('ledger.settlement.title')} onClose={onClose} initialFocus={first} testId="settlement-dialog">
      <DialogForm valid={valid} onSubmit={() => void action.run()}>
        <MoneyInput
          inputRef={first}
          label={t('ledger.settlement.amount')}
          currency={currency}
          value={amount}
          onChange={(text, m) => {
            setAmount(text);
            setMinor(m);
          }}
          hint={minor !== null && minor < detail.balance.minor ? t('ledger.settlement.discount', { discount: money({ minor: detail.balance.minor - minor, currency }, l), balance: money(detail.balance, l) }) : undefined}
          testId="settlement-amount"
          required
        />
        <label className="field">
          <span>{t('ledger.settlement.dueDate')}</span>
          <input type="date" required min={detail.ledger.today} value={dueDate} onChange={(e) => setDueDate(e.target.value)} data-testid="settlement-date" />
        </label>
        <label className="field">
          <span>{t('ledger.settlement.reason')}</span>
          <textarea required minLength={5} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="settlement-reason" />
        </label>
        {minor !== null && minor < detail.balance.minor ? (
          <p className={within ? 'muted small' : 'form-warning small'} data-testid="settlement-authority">
            {t(within ? 'ledger.settlement.within' : 'ledger.settlement.above', { pct: bps / 100 })}
          </p>
        ) : null}
        <FormActions error={action.error} busy={action.busy} disabled={!valid} submitLabel={t('ledger.settlement.save')} onCancel={onClose} testId="settlement-submit" />
      </DialogForm>
    </Dialog>
  );
}
