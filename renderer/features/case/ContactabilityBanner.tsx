/** May the collector contact this borrower now, and if not, why and from when. */
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/api/types';
import { DecisionPanel } from '../../components/DecisionPanel';

export function ContactabilityBanner({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const c = detail.contactability;
  const zone = detail.borrower.timezones[0] ?? detail.placement.defaultTimezone;
  const headline = c.contactableNow
    ? t('case.contactability.now')
    : c.decision.verdict === 'block'
      ? t('case.contactability.blocked')
      : t('case.contactability.warn');
  return (
    <div className="contactability" role="region" aria-label={t('case.contactability.label')} data-testid="contactability">
      <DecisionPanel decision={c.decision} timeZone={zone} headline={headline} showUntilResolved testId="contactability-decision" />
    </div>
  );
}
