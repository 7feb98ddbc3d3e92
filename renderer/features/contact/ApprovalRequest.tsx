/** A warning that needs a supervisor: ask for approval with a reason, then submit again once approved. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../components/useAction';
import { useContact } from './contactStore';

export function ApprovalRequest() {
  const { t } = useTranslation();
  const approvalFor = useContact((s) => s.approvalFor);
  const overrideId = useContact((s) => s.overrideId);
  const requestOverride = useContact((s) => s.requestOverride);
  const [reason, setReason] = useState('');
  const action = useAction(() => requestOverride(reason.trim()));
  if (!approvalFor) return null;
  if (overrideId) {
    return (
      <p className="form-warning field-wide" role="status" data-testid="approval-requested">
        {t('approval.requested')}
      </p>
    );
  }
  return (
    <div className="approval field-wide" data-testid="approval-request">
      <p>{t('approval.explain')}</p>
      <div className="approval-row">
        <label className="field">
          <span>{t('approval.reason')}</span>
          <input
            type="text"
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                if (reason.trim().length >= 5) void action.run();
              }
            }}
            data-testid="approval-reason"
          />
        </label>
        <button type="button" className="btn" disabled={reason.trim().length < 5 || action.busy} onClick={() => void action.run()} data-testid="approval-submit">
          {action.busy ? t('common.working') : t('approval.request')}
        </button>
      </div>
      {action.error ? (
        <p className="form-error" role="alert">
          {action.error}
        </p>
      ) : null}
    </div>
  );
}
