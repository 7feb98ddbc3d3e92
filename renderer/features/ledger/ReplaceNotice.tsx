/** Shown when a new promise or plan would replace the case's active arrangement: says so and asks why. */
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/api/types';

export function ReplaceNotice({ detail, reason, onReason }: { detail: CaseDetail; reason: string; onReason(r: string): void }) {
  const { t } = useTranslation();
  const active = detail.ledger.activeArrangement;
  if (!active) return null;
  return (
    <div className="form-warning" role="note" data-testid="replace-notice">
      <strong>{t('ledger.replace.title')}</strong>
      <p className="small">{t('ledger.replace.text', { kind: t(`ledger.replace.kind.${active.kind}`) })}</p>
      <label className="field">
        <span>{t('ledger.replace.reason')}</span>
        <input type="text" required maxLength={500} value={reason} onChange={(e) => onReason(e.target.value)} data-testid="replace-reason" />
      </label>
    </div>
  );
}

/** Whether the form may be sent: a replacement needs its reason. */
export function replaceReady(detail: CaseDetail, reason: string): boolean {
  return detail.ledger.activeArrangement === null || reason.trim().length > 0;
}
