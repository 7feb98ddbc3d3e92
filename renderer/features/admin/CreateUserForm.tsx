/** A new account: username, name, role, a supervisor for a collector, and an initial password. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../common/api/methods/auth';
import type { Role } from '../../../common/api/types';
import { call } from '../../app/api';
import { DialogForm, FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { useUi } from '../../stores/ui';
import { MIN_PASSWORD } from './SetPasswordForm';

const ROLES: Role[] = ['collector', 'supervisor', 'admin'];

export function CreateUserForm({ supervisors, onCreated }: { supervisors: UserView[]; onCreated(u: UserView): void }) {
  const { t } = useTranslation();
  const notify = useUi((s) => s.notify);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('collector');
  const [supervisorId, setSupervisorId] = useState('');
  const [password, setPassword] = useState('');
  const reset = () => {
    setUsername('');
    setDisplayName('');
    setPassword('');
  };
  const create = useAction(async () => {
    const u = await call((a) => a.users.create({ username, displayName, role, supervisorId: role === 'collector' && supervisorId ? supervisorId : null, password }));
    onCreated(u);
    notify('success', t('admin.users.created', { name: u.displayName }));
    reset();
  });
  const valid = username.trim() !== '' && displayName.trim() !== '' && password.length >= MIN_PASSWORD;
  return (
    <section className="adm-create" aria-labelledby="adm-create-title">
      <h2 id="adm-create-title">{t('admin.users.create')}</h2>
      <DialogForm valid={valid} onSubmit={() => void create.run()}>
        <div className="form-grid">
          <label className="field">
            <span>{t('admin.users.username')}</span>
            <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" required data-testid="new-user-username" />
          </label>
          <label className="field">
            <span>{t('admin.users.displayName')}</span>
            <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} required data-testid="new-user-name" />
          </label>
          <label className="field">
            <span>{t('admin.users.role')}</span>
            <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="new-user-role">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </label>
          {role === 'collector' ? (
            <label className="field">
              <span>{t('admin.users.supervisor')}</span>
              <select value={supervisorId} onChange={(e) => setSupervisorId(e.target.value)}>
                <option value="">{t('admin.users.noSupervisor')}</option>
                {supervisors.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.displayName}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="field">
            <span>{t('admin.users.password')}</span>
            <input type="password" autoComplete="new-password" value={password} minLength={MIN_PASSWORD} onChange={(e) => setPassword(e.target.value)} required data-testid="new-user-password" />
            <span className="field-help">{t('admin.users.passwordHint')}</span>
          </label>
        </div>
        <FormActions error={create.error} busy={create.busy} disabled={!valid} submitLabel={t('admin.users.createSubmit')} onCancel={reset} testId="new-user-submit" />
      </DialogForm>
    </section>
  );
}
