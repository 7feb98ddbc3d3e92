/**
 * "Next case" (`n`): callbacks due, promises due, then the prioritised queue, skipping cases that
 * rest after an attempt, are blocked, or are open elsewhere — chosen by the backend, which says
 * why (shown in the notice line and on the case) or when the next case becomes contactable.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../app/api';
import { errorText } from '../../app/errors';
import { useNavigation } from '../../stores/navigation';
import { useUi } from '../../stores/ui';
import { nextReasonText, useNextReason } from '../dayloop/nextReason';
import { useQueue } from './queueStore';

export function useNextCase(): () => Promise<void> {
  const { t, i18n } = useTranslation();
  return useCallback(async () => {
    const placementId = useQueue.getState().filters.placementId;
    try {
      const next = await call((a) => a.cases.next(placementId ? { placementId } : {}));
      const text = nextReasonText(next, t, i18n.language);
      useNextReason.getState().set(next.caseId, text);
      if (next.caseId) {
        useNavigation.getState().openCase(next.caseId);
        useUi.getState().notify('info', text);
      } else useUi.getState().notify('info', text);
    } catch (err) {
      useUi.getState().notify('error', errorText(toApiError(err).body, t));
    }
  }, [t, i18n]);
}
