import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';
import { useNavigation } from '../stores/navigation';
import { useUi } from '../stores/ui';
import { LanguageSelect } from './LanguageSelect';
import { SyncPill } from './SyncPill';
import { loadSupervisorConsole } from './lazyScreens';

export function TopBar() {
  const { t } = useTranslation();
  const info = useSession((s) => s.info);
  const backToQueue = useNavigation((s) => s.backToQueue);
  const openSupervisor = useNavigation((s) => s.openSupervisor);
  const viewName = useNavigation((s) => s.view.name);
  const canSupervise = info?.user.role === 'supervisor' || info?.user.role === 'admin';
  const setHelpOpen = useUi((s) => s.setHelpOpen);
  return (
    <header className="topbar" role="banner">
      <button type="button" className="brand" onClick={backToQueue} title={t('shell.toQueue')}>
        <span className="brand-mark" aria-hidden="true">
          CD
        </span>
        <span className="brand-name">CaseDesk</span>
      </button>
      <nav className="topnav" aria-label={t('shell.navigation')}>
        <button type="button" className="btn btn-ghost" onClick={backToQueue} aria-current={viewName !== 'supervisor' ? 'page' : undefined} data-testid="nav-queue">
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
      <LanguageSelect className="lang-switch" testId="language-switch" />
      <button type="button" className="btn btn-ghost btn-icon" onClick={() => setHelpOpen(true)} aria-label={t('shell.shortcuts')} title={`${t('shell.shortcuts')} (?)`}>
        <span aria-hidden="true">?</span>
      </button>
    </header>
  );
}
