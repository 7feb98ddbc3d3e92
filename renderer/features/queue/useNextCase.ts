/** "Next case": the top case that may lawfully be contacted now, within the placement filter. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../app/api';
import { errorText } from '../../app/errors';
import { useNavigation } from '../../stores/navigation';
import { useUi } from '../../stores/ui';
import { useQueue } from './queueStore';

export function useNextCase(): () => Promise<void> {
  const { t } = useTranslation();
  return useCallback(async () => {
    const placementId = useQueue.getState().filters.placementId;
    try {
      const { caseId } = await call((a) => a.cases.next(placementId ? { placementId } : {}));
      if (caseId) useNavigation.getState().openCase(caseId);
      else useUi.getState().notify('info', t('queue.noNextCase'));
    } catch (err) {
      useUi.getState().notify('error', errorText(toApiError(err).body, t));
    }
  }, [t]);
}
