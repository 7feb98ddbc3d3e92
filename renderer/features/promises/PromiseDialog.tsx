/** Record a promise to pay: amount, date, and the channel it was made on. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, Channel } from '../../../common/api/types';
import { Dialog } from '../../components/Dialog';
import { MoneyInput } from '../../components/MoneyInput';
import { DialogForm, FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { call } from '../../app/api';
import { money, todayLocal } from '../../app/format';
import { afterChange } from '../case/afterChange';
import { ReplaceNotice, replaceReady } from '../ledger/ReplaceNotice';

const CHANNELS: Channel[] = ['call', 'sms', 'email', 'letter', 'visit'];

export function PromiseDialog({ detail, onClose }: { detail: CaseDetail; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const currency = detail.balance.currency;
  const [amount, setAmount] = useState('');
  const [minor, setMinor] = useState<number | null>(null);
  const [dueDate, setDueDate] = useState('');
  const [channel, setChannel] = useState<Channel>('call');
  const [replaceReason, setReplaceReason] = useState('');
  const first = useRef<HTMLInputElement>(null);
  const action = useAction(async () => {
    if (minor === null) return;
    await call((a) => a.promises.create({ caseId: detail.id, amountMinor: minor, dueDate, channel, ...(replaceReason.trim() ? { replaceReason: replaceReason.trim() } : {}) }));
    onClose();
    await afterChange(t('promises.created'));
  });
  const valid = minor !== null && minor > 0 && /^\d{4}-\d{2}-\d{2}$/.test(dueDate) && replaceReady(detail, replaceReason);
  return (
    <Dialog title={t('promises.new')} onClose={onClose} initialFocus={first} testId="promise-dialog">
      <DialogForm valid={valid} onSubmit={() => void action.run()}>
        <MoneyInput
          inputRef={first}
          label={t('promises.amount')}
          currency={currency}
          value={amount}
          onChange={(text, m) => {
            setAmount(text);
            setMinor(m);
          }}
          hint={t('contact.promise.balanceHint', { balance: money(detail.balance, i18n.language) })}
          testId="promise-amount"
          required
        />
        <label className="field">
          <span>{t('promises.due')}</span>
          <input type="date" required min={todayLocal()} value={dueDate} onChange={(e) => setDueDate(e.target.value)} data-testid="promise-date" />
        </label>
        <label className="field">
          <span>{t('promises.channel')}</span>
          <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <ReplaceNotice detail={detail} reason={replaceReason} onReason={setReplaceReason} />
        <FormActions error={action.error} busy={action.busy} disabled={!valid} submitLabel={t('promises.save')} onCancel={onClose} testId="promise-submit" />
      </DialogForm>
    </Dialog>
  );
}
