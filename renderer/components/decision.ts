/** Reading a guardrail decision for display, in the collector's language. */
import type { Decision } from '../../common/api/types';
import type { Language } from '../app/i18n';

export type Verdict = Decision['verdict'];
export type Severity = Decision['reasons'][number]['severity'];

export interface ReasonView {
  ruleId: string;
  severity: Severity;
  message: string;
  source: string;
  needsApproval: boolean;
}

export interface DecisionView {
  verdict: Verdict;
  reasons: ReasonView[];
  nextAllowedAt: string | null;
  needsApproval: boolean;
  zonesUsed: string[];
  zoneAssumed: boolean;
}

const ORDER: Record<Severity, number> = { block: 0, warn: 1, qa: 2 };

export function viewDecision(decision: Decision | null | undefined, lang: Language): DecisionView | null {
  if (!decision) return null;
  const reasons = [...(decision.reasons ?? [])]
    .sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
    .map((r) => ({
      ruleId: r.rule,
      severity: r.severity,
      message: (lang === 'zh-CN' ? r.message['zh-CN'] || r.message.en : r.message.en || r.message['zh-CN']) ?? '',
      source: r.source,
      needsApproval: r.needsApproval === true,
    }));
  return {
    verdict: decision.verdict,
    reasons,
    nextAllowedAt: decision.nextAllowedAt,
    needsApproval: reasons.some((r) => r.needsApproval),
    zonesUsed: decision.zonesUsed ?? [],
    zoneAssumed: decision.zoneAssumed === true,
  };
}
