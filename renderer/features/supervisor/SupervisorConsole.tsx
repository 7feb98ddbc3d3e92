/**
 * The supervisor console: the team's results and conduct, the decisions waiting on the
 * supervisor (overrides, complaints, settlement offers and disputed lender payments), and the
 * exports the lender and auditors accept — one screen, six tabs.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TabList, panelId, tabId, type TabSpec } from './Tabs';
import { SUPERVISOR_TABS, useSupervisorConsole, type SupervisorTab } from './consoleStore';
import { useReview } from './reviewStore';
import { useTeam } from './teamStore';
import { DashboardTab } from './dashboard/DashboardTab';
import { OverridesTab } from './review/OverridesTab';
import { ComplaintsTab } from './review/ComplaintsTab';
import { ReassignTab } from './reassign/ReassignTab';
import { MoneyTab } from './review/MoneyTab';
import { ExportsTab } from './exports/ExportsTab';

const ID_BASE = 'sup';

function Panel({ tab }: { tab: SupervisorTab }) {
  switch (tab) {
    case 'dashboard':
      return <DashboardTab />;
    case 'overrides':
      return <OverridesTab />;
    case 'complaints':
      return <ComplaintsTab />;
    case 'money':
      return <MoneyTab />;
    case 'reassign':
      return <ReassignTab />;
    case 'exports':
      return <ExportsTab />;
  }
}

export function SupervisorConsole() {
  const { t } = useTranslation();
  const tab = useSupervisorConsole((s) => s.tab);
  const setTab = useSupervisorConsole((s) => s.setTab);
  const pendingOverrides = useReview((s) => (s.overrides.filter === 'pending' && s.overrides.loaded ? s.overrides.items.length : null));
  const overdueComplaints = useReview((s) => (s.complaints.loaded ? s.complaints.items.filter((c) => c.overdue).length : null));

  // Counts on the tabs tell the supervisor what waits before they open a queue.
  useEffect(() => {
    void useTeam.getState().load();
    const review = useReview.getState();
    if (!review.overrides.loaded) void review.loadOverrides();
    if (!review.complaints.loaded) void review.loadComplaints();
  }, []);

  const tabs: TabSpec<SupervisorTab>[] = SUPERVISOR_TABS.map((key) => {
    const count = key === 'overrides' ? pendingOverrides : key === 'complaints' ? overdueComplaints : null;
    return {
      key,
      testId: `sup-tab-${key}`,
      label: (
        <>
          {t(`supervisor.tabs.${key}`)}
          {count ? (
            <>
              <span className={`sup-tab-count${key === 'complaints' ? ' is-severe' : ''}`} aria-hidden="true">
                {count}
              </span>
              <span className="visually-hidden"> ({t(key === 'overrides' ? 'supervisor.tabs.pendingCount' : 'supervisor.tabs.overdueCount', { count })})</span>
            </>
          ) : null}
        </>
      ),
    };
  });

  return (
    <section className="sup-console" data-testid="supervisor-console" aria-labelledby="sup-heading">
      <div className="sup-head">
        <h1 id="sup-heading">{t('supervisor.title')}</h1>
        <p className="muted small">{t('supervisor.subtitle')}</p>
      </div>
      <TabList tabs={tabs} active={tab} onChange={setTab} label={t('supervisor.tabs.label')} idBase={ID_BASE} />
      <div
        className="sup-panel"
        role="tabpanel"
        id={panelId(ID_BASE, tab)}
        aria-labelledby={tabId(ID_BASE, tab)}
        tabIndex={0}
        key={tab}
      >
        <Panel tab={tab} />
      </div>
    </section>
  );
}
