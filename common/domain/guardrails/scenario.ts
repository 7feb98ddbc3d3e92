import { z } from 'zod';
import { PolicyError, resolvePolicy } from './policy';
import { channelSchema, hhmm, ianaZone, policyObjectSchema, presetIdSchema } from './policy-schema';
import { formatIssues } from './zod-issues';
import type { Action, Decision, Facts, Lang, Policy, PolicyInput, PresetId } from './types';
import { ACTION_PURPOSES, CONTACT_RESULTS, PARTIES } from './types';

/** A scenario that cannot be evaluated; the message names the path, e.g. `action.channel: expected one of …`. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

const instant = z.iso.datetime({ offset: true, error: 'expected an ISO instant with Z or an offset, e.g. 2026-03-09T12:30:00Z' });
const party = z.enum(PARTIES as [string, ...string[]]).transform((p) => p as Action['party']);
const result = z.enum(CONTACT_RESULTS as [string, ...string[]]).transform((r) => r as Facts['history'][number]['result']);
const purpose = z.enum(ACTION_PURPOSES as [string, ...string[]]).transform((p) => p as NonNullable<Action['purpose']>);

const flagsSchema = z.strictObject({
  cease: z.boolean().default(false),
  dispute: z.boolean().default(false),
  complaintOpen: z.boolean().default(false),
  attorney: z.boolean().default(false),
  vulnerable: z.boolean().default(false),
  recalled: z.boolean().default(false),
  bankrupt: z.boolean().default(false),
  deceased: z.boolean().default(false),
});

const historySchema = z.strictObject({
  at: instant,
  channel: channelSchema,
  party,
  contact: z.string().min(1),
  debts: z.array(z.string().min(1)).default([]),
  result,
  source: z.enum(['local', 'lender']).default('local'),
  direction: z.enum(['outbound', 'inbound']).optional(),
});

const actionSchema = z.strictObject({
  channel: channelSchema,
  party,
  contact: z.string().min(1),
  debts: z.array(z.string().min(1)).default([]),
  collectors: z.number().int().min(0).max(100).default(1),
  text: z.string().max(100_000).nullable().default(null),
  purpose: purpose.optional(),
  fields: z.record(z.string(), z.string()).optional(),
});

/** The CLI scenario: policy, now and action required; everything else optional and empty by default. */
export const scenarioSchema = z.strictObject({
  policy: z.unknown(),
  now: instant,
  borrower: z.strictObject({ timezones: z.array(ianaZone).default([]) }).default({ timezones: [] }),
  flags: flagsSchema.default(flagsSchema.parse({})),
  optOuts: z.array(channelSchema).default([]),
  consents: z.array(z.strictObject({ at: instant, channel: channelSchema })).default([]),
  history: z.array(historySchema).default([]),
  action: actionSchema,
  defaultTimezone: ianaZone.optional(),
  inconvenientTimes: z
    .array(z.strictObject({ from: hhmm, to: hhmm, weekdays: z.array(z.number().int().min(1).max(7)).optional() }))
    .optional(),
  ledgerAsOf: instant.optional(),
  thirdPartyRefusals: z.array(z.string()).optional(),
  contactFlags: z
    .record(z.string(), z.strictObject({ workplaceProhibited: z.boolean().optional(), invalid: z.boolean().optional() }))
    .optional(),
  validationNoticeSentAt: instant.optional(),
  firstContactAt: instant.optional(),
  verificationSentAt: instant.optional(),
  identityVerified: z.boolean().optional(),
  nightContactAgreed: z.boolean().optional(),
  timeBarred: z.boolean().optional(),
});

function parsePolicy(raw: unknown): Policy {
  if (raw === undefined) throw new ScenarioError('policy: required');
  if (typeof raw === 'string') {
    const id = presetIdSchema.safeParse(raw);
    if (!id.success) throw new ScenarioError(`policy: expected one of cn|us-regf|uk-conc or a policy object`);
    return resolvePolicy(id.data as PresetId);
  }
  const obj = policyObjectSchema.safeParse(raw);
  if (!obj.success) {
    if (raw === null || typeof raw !== 'object') {
      throw new ScenarioError('policy: expected one of cn|us-regf|uk-conc or a policy object');
    }
    throw new ScenarioError(`policy.${formatIssues(obj.error.issues)}`);
  }
  try {
    return resolvePolicy(raw as PolicyInput);
  } catch (err) {
    if (err instanceof PolicyError) throw new ScenarioError(`policy: ${err.message}`);
    throw err;
  }
}

/** unknown JSON → typed engine inputs, or a ScenarioError naming the first bad path. */
export function parseScenario(input: unknown): { policy: Policy; facts: Facts; action: Action; now: Date } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ScenarioError('(root): expected a JSON object');
  }
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) throw new ScenarioError(formatIssues(parsed.error.issues));
  const s = parsed.data;
  const policy = parsePolicy(s.policy);
  const { policy: _p, now, action, ...facts } = s;
  return { policy, facts: facts as Facts, action: action as Action, now: new Date(now) };
}

export interface DecisionJson {
  verdict: Decision['verdict'];
  reasons: { rule: string; severity: Decision['reasons'][number]['severity']; message: string; source: string }[];
  nextAllowedAt: string | null;
  policyVersion: string;
}

/** The CLI's output contract: one language, exactly these keys. */
export function decisionToJson(d: Decision, lang: Lang): DecisionJson {
  const approval = lang === 'zh-CN' ? '（需主管批准）' : ' (supervisor approval required)';
  return {
    verdict: d.verdict,
    reasons: d.reasons.map((r) => ({
      rule: r.rule,
      severity: r.severity,
      message: r.needsApproval ? `${r.message[lang]}${approval}` : r.message[lang],
      source: r.source,
    })),
    nextAllowedAt: d.verdict === 'allow' ? null : d.nextAllowedAt,
    policyVersion: d.policyVersion,
  };
}
