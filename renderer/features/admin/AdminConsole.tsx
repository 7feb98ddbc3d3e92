/**
 * Administration: users (admin), the audit log (admin and supervisor, as the API allows) and the
 * link to the lender (enrolment for an admin; status and "sync now" for both). Every act is audited
 * by the backend.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import { TabList, panelId, tabId, type TabSpec } from '../supervisor/Tabs';
import { UsersTab } from './UsersTab';
import { AuditTab } from './AuditTab';
import { LenderTab } from './LenderTab';

export type AdminTab = 'users' | 'audit' | 'lender';
const ID_BASE = 'adm';

export function AdminConsole() {
  const { t } = useTranslation();
  const role = useSession((s) => s.info?.user.role);
  const isAdmin = role === 'admin';
  const keys: AdminTab[] = isAdmin ? ['users', 'audit', 'lender'] : ['audit', 'lender'];
  const [tab, setTab] = useState<AdminTab>(keys[0]!);
  const tabs: TabSpec<AdminTab>[] = keys.map((key) => ({ key, testId: `adm-tab-${key}`, label: t(`admin.tabs.${key}`) }));
  const title = isAdmin ? t('admin.title') : t('admin.auditTitle');
  return (
    <section className="sup-console" data-testid="admin-console" aria-labelledby="adm-heading">
      <div className="sup-head">
        <h1 id="adm-heading">{title}</h1>
        <p className="muted small">{t('admin.subtitle')}</p>
      </div>
      <TabList<AdminTab> tabs={tabs} active={tab} onChange={setTab} label={t('admin.tabs.label')} idBase={ID_BASE} />
      <div className="sup-panel" role="tabpanel" id={panelId(ID_BASE, tab)} aria-labelledby={tabId(ID_BASE, tab)} tabIndex={0}>
        {tab === 'users' ? <UsersTab /> : tab === 'audit' ? <AuditTab /> : <LenderTab canEnroll={isAdmin} />}
      </div>
    </section>
  );
}
