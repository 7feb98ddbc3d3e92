/**
 * The conduct policy in force for a placement: its preset tightened by the lender's terms.
 * Resolved once per placement version and cached; a placement's policy changes only by migration
 * or a new assignment package, which bumps policy_version.
 */
import { resolvePolicy, type Policy, type PresetId } from '../../../common/domain/guardrails';

const cache = new Map<string, Policy>();

export function policyFor(p: { id: string; preset: PresetId; policy_json: string; policy_version: string }): Policy {
  const key = `${p.id}@${p.policy_version}`;
  let policy = cache.get(key);
  if (!policy) {
    policy = resolvePolicy(p.preset, JSON.parse(p.policy_json) as unknown);
    cache.set(key, policy);
  }
  return policy;
}
