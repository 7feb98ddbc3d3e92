import type { EvalCtx, Hit, TimeCtx } from '../context';

/** A rule family: every hit that applies at the candidate instant. */
export type Rule = (ctx: EvalCtx, tc: TimeCtx) => Hit[];

export interface RuleSpec {
  fn: Rule;
  /** Time-based rules are re-run at later instants to find nextAllowedAt; the rest are evaluated once. */
  timed: boolean;
}
