import { callStepsRule } from './call-steps';
import { cnConnectedRule, cnUnansweredRule } from './cn-frequency';
import { holidayRule } from './holidays';
import { hoursRule } from './hours';
import { statusRule, visitAndVulnerabilityRule } from './status';
import { caseWarningsRule, contentRule, textRule } from './text';
import { cnThirdPartyRule, ukThirdPartyRule, usThirdPartyRule } from './third-party';
import type { RuleSpec } from './types';
import { ukExcessiveRule } from './uk-excessive';
import { us7in7Rule, usAfterConversationRule } from './us-frequency';
import { usPatternRule } from './us-pattern';

/** Every rule family, in the order reasons are listed. Each checks its own preset's rule ids. */
export const RULES: readonly RuleSpec[] = [
  { fn: statusRule, timed: false },
  { fn: visitAndVulnerabilityRule, timed: false },
  { fn: usThirdPartyRule, timed: false },
  { fn: ukThirdPartyRule, timed: false },
  { fn: cnThirdPartyRule, timed: true },
  { fn: hoursRule, timed: true },
  { fn: holidayRule, timed: true },
  { fn: cnUnansweredRule, timed: true },
  { fn: cnConnectedRule, timed: true },
  { fn: us7in7Rule, timed: true },
  { fn: usAfterConversationRule, timed: true },
  { fn: ukExcessiveRule, timed: true },
  { fn: usPatternRule, timed: false },
  { fn: textRule, timed: false },
  { fn: contentRule, timed: false },
  { fn: callStepsRule, timed: false },
  { fn: caseWarningsRule, timed: false },
];

export const TIMED_RULES: readonly RuleSpec[] = RULES.filter((r) => r.timed);
