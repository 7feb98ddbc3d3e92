import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';
import { useNavigation } from '../stores/navigation';
import { useUi } from '../stores/ui';
import { useAuth } from '../features/auth/authStore';
import { ChangePasswordDialog } from '../features/admin/ChangePasswordDialog';
import { LanguageSelect } from './LanguageSelect';
import { SyncPill } from './SyncPill';
import { loadSupervisorConsole } from './lazyScreens';
import { useHotkeys } from './hotkeys';

export function TopBar() {
  const { t } = useTranslation();
  const info = useSession((s) => s.info);
  const backToQueue = useNavigation((s) => s.backToQueue);
  const openSupervisor = useNavigation((s) => s.openSupervisor);
  const openAdmin = useNavigation((s) => s.openAdmin);
  const viewName = useNavigation((s) => s.view.name);
  const role = info?.user.role;
  const canSupervise = role === 'supervisor' || role === 'admin';
  const setHelpOpen = useUi((s) => s.setHelpOpen);
  const signOut = useAuth((s) => s.signOut);
  const [passwordOpen, setPasswordOpen] = useState(false);

  // Shift+A administration (the audit log for a supervisor), Shift+P password, Shift+Q sign out.
  useHotkeys({
    A: () => canSupervise && openAdmin(),
    P: () => setPasswordOpen(true),
    Q: () => void signOut(),
  });

  return (
    <header className="topbar" role="banner">
      <button type="button" className="brand" onClick={backToQueue} title={t('shell.toQueue')}>
        <span className="brand-mark" aria-hidden="true">
          CD
        </span>
        <span className="brand-name">CaseDesk</span>
      </button>
      <nav className="topnav" aria-label={t('shell.navigation')}>
        <button type="button" className="btn btn-ghost" onClick={backToQueue} aria-current={viewName === 'queue' || viewName === 'case' ? 'page' : undefined} data-testid="nav-queue">
          {t('queue.title')}
        </button>
        {canSupervise ? (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={openSupervisor}
            onPointerEnter={() => void loadSupervisorConsole().catch(() => undefined)}
            onFocus={() => void loadSupervisorConsole().catch(() => undefined)}
            aria-current={viewName === 'supervisor' ? 'page' : undefined}
            data-testid="nav-supervisor"
          >
            {t('supervisor.title')}
          </button>
        ) : null}
        {canSupervise ? (
          <button type="button" className="btn btn-ghost" onClick={openAdmin} aria-current={viewName === 'admin' ? 'page' : undefined} title="Shift+A" data-testid="nav-admin">
            {role === 'admin' ? t('admin.navAdmin') : t('admin.navAudit')}
          </button>
        ) : null}
      </nav>
      <div className="topbar-spacer" />
      <SyncPill />
      <div className="topbar-user" data-testid="current-user">
        {info ? (
          <>
            <span className="user-name">{info.user.displayName}</span>
            <span className="user-role">{t(`roles.${info.user.role}`)}</span>
          </>
        ) : (
          <span className="muted">{t('common.loading')}</span>
        )}
      </div>
      <button type="button" className="btn btn-ghost btn-small" onClick={() => setPasswordOpen(true)} title={`${t('account.changeTitle')} (Shift+P)`} data-testid="change-password-open">
        {t('account.changePassword')}
      </button>
      <button type="button" className="btn btn-ghost btn-small" onClick={() => void signOut()} title={`${t('account.signOut')} (Shift+Q)`} data-testid="sign-out">
        {t('account.signOut')}
      </button>
      <LanguageSelect className="lang-switch" testId="language-switch" />
      <button type="button" className="btn btn-ghost btn-icon" onClick={() => setHelpOpen(true)} aria-label={t('shell.shortcuts')} title={`${t('shell.shortcuts')} (?)`}>
        <span aria-hidden="true">?</span>
      </button>
      {passwordOpen ? <ChangePasswordDialog onClose={() => setPasswordOpen(false)} /> : null}
    </header>
  );
}
