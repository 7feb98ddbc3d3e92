import { buildContext, timeCtx, type EvalCtx, type Hit } from './context';
import { ruleSource } from './presets';
import { RULES, TIMED_RULES } from './rules';
import { DAY, isoSeconds, MINUTE } from './time';
import type { Action, Decision, Facts, Policy, Reason } from './types';

const RANK = { qa: 0, warn: 1, block: 2 } as const;
/** Beyond this, no instant is found (e.g. candidate zones with no common lawful hour): a person must decide. */
const HORIZON_DAYS = 400;
const MAX_STEPS = 2_000;

function toReason(ctx: EvalCtx, h: Hit): Reason {
  const reason: Reason = {
    rule: h.rule,
    severity: h.severity,
    message: h.message(),
    source: ruleSource(ctx.policy.preset, h.rule),
  };
  if (h.needsApproval) reason.needsApproval = true;
  return reason;
}

function blocksOf(hits: readonly Hit[]): Hit[] {
  return hits.filter((h) => h.severity === 'block');
}

/**
 * The earliest instant at which no time-based rule blocks the same action. Each blocking rule names the
 * earliest instant it could allow (a window opening, a local-day rollover, a counted call leaving the
 * window); no instant before the latest of those can be lawful, so jump there and check again.
 */
function nextAllowed(ctx: EvalCtx, blocks: readonly Hit[]): number | null {
  let t = ctx.now;
  let current = blocks;
  for (let step = 0; step < MAX_STEPS; step++) {
    let next = -Infinity;
    for (const h of current) {
      if (typeof h.lift !== 'number') return null; // only a person can lift it
      next = Math.max(next, h.lift);
    }
    // Guard against a rule naming an instant that is not later (never expected): move on by a minute.
    t = next > t ? next : t + MINUTE;
    if (t - ctx.now > HORIZON_DAYS * DAY) return null;
    const tc = timeCtx(ctx, t);
    const hits: Hit[] = [];
    for (const r of TIMED_RULES) hits.push(...r.fn(ctx, tc));
    current = blocksOf(hits);
    if (current.length === 0) return t;
  }
  return null;
}

/**
 * Checks one contact before it is made. Pure: the same inputs and `now` give the same decision.
 * Lists every reason that applies; the verdict is the worst severity (QA flags alone allow).
 */
export function evaluate(policy: Policy, facts: Facts, action: Action, now: Date): Decision {
  try {
    const ctx = buildContext(policy, facts, action, now.getTime());
    const tc = timeCtx(ctx, ctx.now);
    const hits: Hit[] = [];
    for (const r of RULES) hits.push(...r.fn(ctx, tc));
    let worst = -1;
    for (const h of hits) worst = Math.max(worst, RANK[h.severity]);
    const verdict: Decision['verdict'] = worst === RANK.block ? 'block' : worst === RANK.warn ? 'warn' : 'allow';
    let nextAllowedAt: string | null = null;
    if (verdict === 'block') {
      const at = nextAllowed(ctx, blocksOf(hits));
      nextAllowedAt = at === null ? null : isoSeconds(at);
    }
    return {
      verdict,
      reasons: hits.map((h) => toReason(ctx, h)),
      nextAllowedAt,
      policyVersion: policy.version,
      zonesUsed: ctx.zones,
      zoneAssumed: ctx.zoneAssumed,
    };
  } catch (err) {
    // Fail closed: a guardrail that cannot decide must not let the contact through.
    const detail = err instanceof Error ? err.message : String(err);
    return {
      verdict: 'block',
      reasons: [
        {
          rule: 'ENGINE-ERROR',
          severity: 'block',
          message: {
            'zh-CN': `已拦截：合规校验无法完成（${detail}），请联系主管。`,
            en: `Blocked: the conduct check could not be completed (${detail}); ask a supervisor.`,
          },
          source: 'CaseDesk guardrail engine',
        },
      ],
      nextAllowedAt: null,
      policyVersion: policy.version,
      zonesUsed: [],
      zoneAssumed: false,
    };
  }
}
