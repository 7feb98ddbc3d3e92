/**
 * Inbound contacts and notes are not contact attempts: hours, frequency and pauses do not apply to
 * the borrower calling in, nor to a note. Two checks still do (issue 16, item 8):
 *   - the call steps of a right-party conversation (US-DISCLOSURE, UK-IDV), which block, and
 *   - the language of what was said or written, whose findings mark the record for QA review and
 *     are shown to the collector, but never refuse it (the words were already spoken).
 */
import { buildContext, timeCtx, type Hit } from './context';
import { ruleSource } from './presets';
import { callStepsRule } from './rules/call-steps';
import { textRule } from './rules/text';
import type { Action, Decision, Facts, Policy, Reason } from './types';

export function evaluateUnsolicited(policy: Policy, facts: Facts, action: Action, now: Date): Decision {
  // The language check reads a spoken channel's text as a transcript (QA), never as a written message.
  const spoken: Action = action.channel === 'call' || action.channel === 'visit' ? action : { ...action, channel: 'call', conversation: undefined };
  const ctx = buildContext(policy, facts, spoken, now.getTime());
  const tc = timeCtx(ctx, ctx.now);
  const hits: Hit[] = [...callStepsRule(ctx, tc), ...textRule(ctx, tc).map((h): Hit => ({ ...h, severity: 'qa', needsApproval: undefined }))];
  const reasons = hits.map((h): Reason => {
    const r: Reason = { rule: h.rule, severity: h.severity, message: h.message(), source: ruleSource(policy.preset, h.rule) };
    return r;
  });
  const blocked = hits.some((h) => h.severity === 'block');
  const warned = hits.some((h) => h.severity === 'warn');
  return {
    verdict: blocked ? 'block' : warned ? 'warn' : 'allow',
    reasons,
    nextAllowedAt: null,
    policyVersion: policy.version,
    zonesUsed: ctx.zones,
    zoneAssumed: ctx.zoneAssumed,
  };
}
