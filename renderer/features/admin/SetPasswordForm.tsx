/** An administrator sets a new password for a user (clearing any lockout; the user's sessions end). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../common/api/methods/auth';
import { call } from '../../app/api';
import { Dialog } from '../../components/Dialog';
import { DialogForm, FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { useUi } from '../../stores/ui';

export const MIN_PASSWORD = 10;

export function SetPasswordForm({ user, onClose, onDone }: { user: UserView; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const notify = useUi((s) => s.notify);
  const [password, setPassword] = useState('');
  const save = useAction(async () => {
    await call((a) => a.users.resetPassword({ userId: user.id, password }));
    notify('success', t('admin.users.resetDone', { name: user.displayName }));
    onDone();
    onClose();
  });
  return (
    <Dialog title={t('admin.users.resetLabel', { name: user.displayName })} onClose={onClose} description={t('admin.users.passwordHint')} testId="admin-set-password">
      <DialogForm valid={password.length >= MIN_PASSWORD} onSubmit={() => void save.run()}>
        <label className="field">
          <span>{t('admin.users.newPassword')}</span>
          <input type="password" autoComplete="new-password" value={password} minLength={MIN_PASSWORD} required onChange={(e) => setPassword(e.target.value)} />
        </label>
        <FormActions error={save.error} busy={save.busy} disabled={password.length < MIN_PASSWORD} submitLabel={t('admin.users.resetPassword')} onCancel={onClose} />
      </DialogForm>
    </Dialog>
  );
}
