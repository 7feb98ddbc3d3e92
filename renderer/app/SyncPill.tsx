/**
 * Sync state, always visible (offline first). A placeholder until the contract has `sync.status`:
 * then this reads it and shows online/offline, pending outbox count and the last push.
 */
import { useTranslation } from 'react-i18next';

export function SyncPill() {
  const { t } = useTranslation();
  const pending: number | null = null;
  return (
    <span className="sync-pill sync-offline" role="status" data-testid="sync-state">
      <span className="sync-dot" aria-hidden="true" />
      {pending === null ? t('sync.localOnly') : t('sync.offlinePending', { count: pending })}
    </span>
  );
}
