/** The link to the lender: its state, "sync now", and (for an administrator) enrolment with a one-time code. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../common/api/methods/sync';
import { call } from '../../app/api';
import { formatDateTime, localZone } from '../../app/format';
import { DialogForm, FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { useUi } from '../../stores/ui';

function StatusLines({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (
    <dl className="adm-status" data-testid="lender-status">
      <dt>{t('admin.lender.heading')}</dt>
      <dd>{status.lender ? t('admin.lender.enrolledTo', { name: status.lender.name, url: status.lender.url }) : t('admin.lender.notEnrolled')}</dd>
      <dt>{t('admin.lender.workstationLabel')}</dt>
      <dd>
        <code>{status.workstationId}</code>
      </dd>
      <dt>{t('admin.lender.syncLabel')}</dt>
      <dd>
        {status.lastSuccessAt ? t('admin.lender.lastSuccess', { when: formatDateTime(status.lastSuccessAt, i18n.language, localZone()) }) : t('admin.lender.never')}{' '}
        {t('admin.lender.pending', { reports: status.pending.reports, records: status.pending.records })}
        {status.refusedReports > 0 ? ` ${t('admin.lender.refused', { count: status.refusedReports })}` : ''}
        {status.lastError ? ` ${t('admin.lender.failed')}${english ? ` (${status.lastError})` : ''}` : ''}
      </dd>
    </dl>
  );
}

function EnrollForm({ onEnrolled }: { onEnrolled(s: SyncStatus): void }) {
  const { t } = useTranslation();
  const notify = useUi((s) => s.notify);
  const [lenderUrl, setLenderUrl] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const enroll = useAction(async () => {
    onEnrolled(await call((a) => a.sync.enroll({ lenderUrl: lenderUrl.trim(), code: code.trim(), name: name.trim() })));
    notify('success', t('admin.lender.enrolled'));
  });
  const valid = lenderUrl.trim() !== '' && code.trim() !== '';
  return (
    <section aria-labelledby="adm-enroll-title" className="adm-create">
      <h2 id="adm-enroll-title">{t('admin.lender.enroll')}</h2>
      <DialogForm valid={valid} onSubmit={() => void enroll.run()}>
        <div className="form-grid">
          <label className="field">
            <span>{t('admin.lender.lenderUrl')}</span>
            <input type="url" value={lenderUrl} onChange={(e) => setLenderUrl(e.target.value)} placeholder="https://" required data-testid="enroll-url" />
          </label>
          <label className="field">
            <span>{t('admin.lender.code')}</span>
            <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" required data-testid="enroll-code" />
          </label>
          <label className="field">
            <span>{t('admin.lender.name')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
        </div>
        <FormActions error={enroll.error} busy={enroll.busy} disabled={!valid} submitLabel={t('admin.lender.enrollSubmit')} onCancel={() => setCode('')} hint={null} />
      </DialogForm>
    </section>
  );
}

export function LenderTab({ canEnroll }: { canEnroll: boolean }) {
  const { t } = useTranslation();
  const notify = useUi((s) => s.notify);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const load = useAction(async () => setStatus(await call((a) => a.sync.status({}))));
  const syncNow = useAction(async () => {
    setStatus(await call((a) => a.sync.now({})));
    notify('info', t('admin.lender.synced'));
  });
  const run = load.run;
  useEffect(() => void run(), [run]);
  return (
    <div className="adm-lender" data-testid="admin-lender">
      {status ? <StatusLines status={status} /> : null}
      {load.error || syncNow.error ? (
        <p className="form-error" role="alert">
          {load.error ?? syncNow.error}
        </p>
      ) : null}
      {status?.enrolled ? (
        <button type="button" className="btn btn-primary" disabled={syncNow.busy} onClick={() => void syncNow.run()} data-testid="sync-now">
          {syncNow.busy ? t('admin.lender.syncing') : t('admin.lender.syncNow')}
        </button>
      ) : null}
      {status && !status.enrolled ? canEnroll ? <EnrollForm onEnrolled={setStatus} /> : <p className="muted">{t('admin.lender.adminOnly')}</p> : null}
    </div>
  );
}
