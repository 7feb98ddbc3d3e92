import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../stores/ui';

/** One transient line for outcomes ("contact logged", "no case may be contacted now"). */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useUi((s) => s.notice);
  const dismiss = useUi((s) => s.dismissNotice);
  useEffect(() => {
    if (!notice || notice.tone === 'error') return;
    const timer = window.setTimeout(dismiss, 6000);
    return () => window.clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className="notice-region" role="status" aria-live="polite" data-testid="notice">
      {notice ? (
        <div className={`notice notice-${notice.tone}`}>
          <span>{notice.text}</span>
          <button type="button" className="btn btn-ghost btn-small" onClick={dismiss}>
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
