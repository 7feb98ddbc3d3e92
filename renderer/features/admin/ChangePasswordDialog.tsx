/** Change your own password: the current one, the new one twice. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { Dialog } from '../../components/Dialog';
import { DialogForm, FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { useUi } from '../../stores/ui';
import { MIN_PASSWORD } from './SetPasswordForm';

export function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const notify = useUi((s) => s.notify);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm.length > 0 && confirm !== next;
  const change = useAction(async () => {
    await call((a) => a.auth.changePassword({ current, next }));
    notify('success', t('account.changed'));
    onClose();
  });
  const valid = current !== '' && next.length >= MIN_PASSWORD && confirm === next;
  return (
    <Dialog title={t('account.changeTitle')} description={t('account.hint')} onClose={onClose} testId="change-password">
      <DialogForm valid={valid} onSubmit={() => void change.run()}>
        <label className="field">
          <span>{t('account.current')}</span>
          <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required data-testid="password-current" />
        </label>
        <label className="field">
          <span>{t('account.next')}</span>
          <input type="password" autoComplete="new-password" value={next} minLength={MIN_PASSWORD} onChange={(e) => setNext(e.target.value)} required data-testid="password-next" />
        </label>
        <label className="field">
          <span>{t('account.confirm')}</span>
          <input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} aria-invalid={mismatch} required data-testid="password-confirm" />
          {mismatch ? <span className="field-error">{t('account.mismatch')}</span> : null}
        </label>
        <FormActions error={change.error} busy={change.busy} disabled={!valid} submitLabel={t('account.submit')} onCancel={onClose} testId="password-submit" />
      </DialogForm>
    </Dialog>
  );
}
