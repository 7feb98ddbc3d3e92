/** The shell: top bar, the current screen, the keyboard help, the notice line. */
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../stores/navigation';
import { useSession } from '../stores/session';
import { useUi } from '../stores/ui';
import { TopBar } from './TopBar';
import { loadSupervisorConsole } from './lazyScreens';
import { HelpOverlay } from './HelpOverlay';
import { NoticeBar } from './NoticeBar';
import { useHotkeys } from './hotkeys';
import { errorText } from './errors';
import { QueueView } from '../features/queue/QueueView';
import { CaseView } from '../features/case/CaseView';
import { useNextCase } from '../features/queue/useNextCase';
import { DayLoopBar } from '../features/dayloop/CallbackReminder';
import { hasStoredLanguage, languageFromLocale, setLanguage } from './i18n';

// The supervisor console (and its charting library, about half of the renderer's code) is loaded
// when first opened: a start that shows the queue does not download, parse or compile it.
const SupervisorConsole = lazy(() => loadSupervisorConsole().then((m) => ({ default: m.SupervisorConsole })));
const AdminConsole = lazy(() => import('../features/admin/AdminConsole').then((m) => ({ default: m.AdminConsole })));

export function App() {
  const { t } = useTranslation();
  const view = useNavigation((s) => s.view);
  const load = useSession((s) => s.load);
  const info = useSession((s) => s.info);
  const sessionError = useSession((s) => s.error);
  const helpOpen = useUi((s) => s.helpOpen);
  const setHelpOpen = useUi((s) => s.setHelpOpen);
  const nextCase = useNextCase();

  useEffect(() => {
    void load();
  }, [load]);

  // Until the collector picks a language, follow the workstation's configured locale.
  useEffect(() => {
    if (!info || hasStoredLanguage()) return;
    const lng = languageFromLocale(info.locale);
    if (lng) setLanguage(lng, false);
  }, [info]);

  useHotkeys({
    '?': () => setHelpOpen(true),
    n: () => void nextCase(),
  });

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <TopBar />
      <DayLoopBar />
      {sessionError ? (
        <div className="banner banner-error" role="alert">
          {t('shell.sessionFailed')} {errorText(sessionError, t)}
        </div>
      ) : null}
      <main id="main" className="main" tabIndex={-1}>
        {view.name === 'queue' ? <QueueView /> : null}
        {view.name === 'case' ? <CaseView key={view.caseId} caseId={view.caseId} /> : null}
        {view.name === 'supervisor' || view.name === 'admin' ? (
          <Suspense
            fallback={
              <p className="muted" aria-busy="true">
                {t('common.loading')}
              </p>
            }
          >
            {view.name === 'admin' ? <AdminConsole /> : <SupervisorConsole />}
          </Suspense>
        ) : null}
      </main>
      <NoticeBar />
      {helpOpen ? <HelpOverlay onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}
