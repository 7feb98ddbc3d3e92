/** Sync state, always visible (offline first): online or not, what waits to go, the last good sync. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../common/api/methods/sync';
import { callWhenIdle } from './api';
import { formatInstant } from './format';

const POLL_MS = 15_000;

export function SyncPill() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      callWhenIdle((a) => a.sync.status({}))
        .then((s) => {
          if (!live) return;
          setStatus(s);
          setFailure(null);
        })
        .catch((err: unknown) => live && setFailure(err instanceof Error ? err.message : String(err)));
    void load();
    const timer = window.setInterval(load, POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);

  const pending = status ? status.pending.reports + status.pending.records : 0;
  const counted = { count: pending, n: pending.toLocaleString(i18n.language) };
  let tone: 'ok' | 'offline' | 'busy' | 'error' = 'offline';
  let text = t('sync.localOnly');
  // No sync service (a host without it, or an error): the work is safe locally, say so.
  if (failure === null && status) {
    if (!status.enrolled) text = pending > 0 ? t('sync.notEnrolledPending', counted) : t('sync.notEnrolled');
    else if (status.state === 'syncing') {
      tone = 'busy';
      text = t('sync.syncing');
    } else if (status.online === false || status.state === 'backoff') text = t('sync.offlinePending', counted);
    else if (pending > 0) {
      tone = 'busy';
      text = t('sync.pending', counted);
    } else {
      tone = 'ok';
      text = t('sync.upToDate');
    }
  }
  const title = failure
    ? t('sync.unavailable', { reason: failure })
    : status?.lastSuccessAt ? t('sync.lastSuccess', { when: formatInstant(status.lastSuccessAt, i18n.language) }) : (status?.lastError ?? undefined);
  return (
    <span className={`sync-pill sync-${tone}`} role="status" data-testid="sync-state" data-pending={pending} title={title}>
      <span className="sync-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
