/** Users: who may sign in, with what role; disable, enable, unlock, set a password, create. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../common/api/methods/auth';
import { call } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatDateTime, localZone } from '../../app/format';
import { useAction } from '../../components/useAction';
import { useUi } from '../../stores/ui';
import { useSession } from '../../stores/session';
import { CreateUserForm } from './CreateUserForm';
import { SetPasswordForm } from './SetPasswordForm';
import { isLocked, useUsers } from './useUsers';

export function UsersTab() {
  const { t, i18n } = useTranslation();
  const { users, error, replace, load } = useUsers();
  const me = useSession((s) => s.info?.user.id);
  const notify = useUi((s) => s.notify);
  const [settingFor, setSettingFor] = useState<UserView | null>(null);
  const act = useAction(async (u: UserView, what: 'disable' | 'enable' | 'unlock') => {
    const updated =
      what === 'unlock' ? await call((a) => a.users.unlock({ userId: u.id })) : await call((a) => a.users.setDisabled({ userId: u.id, disabled: what === 'disable' }));
    replace(updated);
    notify('success', t(`admin.users.${what === 'disable' ? 'disabledDone' : what === 'enable' ? 'enabledDone' : 'unlockedDone'}`, { name: u.displayName }));
  });
  const names = new Map((users ?? []).map((u) => [u.id, u.displayName]));

  return (
    <div className="adm-users" data-testid="admin-users">
      {error ? (
        <p className="form-error" role="alert">
          {errorText(error, t)}
        </p>
      ) : null}
      {act.error ? (
        <p className="form-error" role="alert">
          {act.error}
        </p>
      ) : null}
      <div className="sup-table-wrap" role="region" aria-labelledby="adm-users-caption" tabIndex={0}>
        <table className="sup-table">
          <caption id="adm-users-caption">{t('admin.users.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.username')}</th>
              <th scope="col">{t('admin.users.displayName')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.supervisor')}</th>
              <th scope="col">{t('admin.users.status')}</th>
              <th scope="col">{t('admin.users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(users ?? []).map((u) => (
              <tr key={u.id} data-testid={`user-row-${u.username}`}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{t(`roles.${u.role}`)}</td>
                <td>{u.supervisorId ? (names.get(u.supervisorId) ?? '—') : '—'}</td>
                <td>
                  {u.disabled
                    ? t('admin.users.disabled')
                    : isLocked(u)
                      ? t('admin.users.lockedUntil', { when: formatDateTime(u.lockedUntil, i18n.language, localZone()) })
                      : t('admin.users.active')}
                </td>
                <td className="adm-actions">
                  {isLocked(u) ? (
                    <button type="button" className="btn btn-small" disabled={act.busy} onClick={() => void act.run(u, 'unlock')} aria-label={t('admin.users.unlockLabel', { name: u.displayName })}>
                      {t('admin.users.unlock')}
                    </button>
                  ) : null}
                  {u.id !== me ? (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={act.busy}
                      onClick={() => void act.run(u, u.disabled ? 'enable' : 'disable')}
                      aria-label={t(u.disabled ? 'admin.users.enableLabel' : 'admin.users.disableLabel', { name: u.displayName })}
                    >
                      {t(u.disabled ? 'admin.users.enable' : 'admin.users.disable')}
                    </button>
                  ) : null}
                  <button type="button" className="btn btn-small" onClick={() => setSettingFor(u)} aria-label={t('admin.users.resetLabel', { name: u.displayName })}>
                    {t('admin.users.resetPassword')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {settingFor ? <SetPasswordForm user={settingFor} onClose={() => setSettingFor(null)} onDone={() => void load()} /> : null}
      <CreateUserForm supervisors={(users ?? []).filter((u) => u.role === 'supervisor' && !u.disabled)} onCreated={replace} />
    </div>
  );
}
