/** A guardrail decision in plain words: the verdict, each rule with its source, when contact is lawful. */
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../common/api/types';
import { currentLanguage } from '../app/i18n';
import { formatInstant } from '../app/format';
import { viewDecision, type Severity, type Verdict } from './decision';

const ICON: Record<Verdict | Severity, string> = { allow: '✓', warn: '!', block: '✕', qa: '◎' };

export function VerdictBadge({ verdict }: { verdict: Verdict | Severity }) {
  const { t } = useTranslation();
  return (
    <span className={`verdict verdict-${verdict}`}>
      <span aria-hidden="true" className="verdict-icon">
        {ICON[verdict]}
      </span>
      {t(`decision.verdict.${verdict}`)}
    </span>
  );
}

export interface DecisionPanelProps {
  decision: Decision | null | undefined;
  /** Borrower zone, for "lawful again at" times. */
  timeZone?: string;
  testId?: string;
  /** Headline to use instead of the plain verdict (e.g. "May contact now"). */
  headline?: string;
  /** Say "paused until resolved" for a block with no end time (case-level contactability only). */
  showUntilResolved?: boolean;
}

export function DecisionPanel({ decision, timeZone, testId, headline, showUntilResolved }: DecisionPanelProps) {
  const { t, i18n } = useTranslation();
  const view = viewDecision(decision, currentLanguage());
  if (!view) return null;
  const locale = i18n.language;
  const zone = timeZone ?? view.zonesUsed[0];
  return (
    <div className={`decision decision-${view.verdict}`} data-testid={testId} data-verdict={view.verdict}>
      <div className="decision-head">
        <VerdictBadge verdict={view.verdict} />
        {headline ? <strong className="decision-headline">{headline}</strong> : null}
        {view.nextAllowedAt && view.verdict !== 'allow' ? (
          <span className="decision-next" data-testid="next-allowed">
            {t('decision.lawfulAgain', {
              when: formatInstant(view.nextAllowedAt, locale, { timeZone: zone, withZone: Boolean(zone), full: true }),
            })}
            {zone ? <span className="muted"> · {t('decision.borrowerTime')}</span> : null}
          </span>
        ) : null}
        {showUntilResolved && view.verdict === 'block' && !view.nextAllowedAt ? (
          <span className="decision-next">{t('decision.untilResolved')}</span>
        ) : null}
        {view.needsApproval ? <span className="badge badge-care">{t('decision.needsApproval')}</span> : null}
      </div>
      {view.reasons.length > 0 ? (
        <ul className="decision-reasons">
          {view.reasons.map((r, i) => (
            <li key={`${r.ruleId}-${i}`} className={`reason reason-${r.severity}`}>
              <VerdictBadge verdict={r.severity} />
              <span className="reason-message">{r.message}</span>
              <span className="reason-meta">
                <code className="rule-id">{r.ruleId}</code>
                {r.source ? <span className="reason-source">{t('decision.source', { source: r.source })}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {view.zoneAssumed ? <p className="decision-note">{t('decision.zoneAssumed', { zone: view.zonesUsed.join(', ') })}</p> : null}
    </div>
  );
}
