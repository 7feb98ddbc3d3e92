import { canonicalJson, shortHash } from './hash';
import { isHardRule, presets, rulePrefix } from './presets';
import { policyObjectSchema, tighteningSchema, type Tightening } from './policy-schema';
import { formatIssues } from './zod-issues';
import type { HolidayMode, Policy, PolicyInput, PresetId, RuleLevel } from './types';
import { PRESET_IDS } from './types';
import { parseHhmm } from './time';

/** A policy that cannot be used: invalid data, or loosening without the right to do so. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
}

type Direction = 'lower' | 'higher' | 'neutral';
interface Knob {
  dir: Direction;
  /** The rule the number belongs to, given the preset's prefix. */
  rule: (p: 'CN' | 'US' | 'UK') => string;
}

const frequencyRule = (p: 'CN' | 'US' | 'UK'): string =>
  p === 'CN' ? 'CN-CONNECTED' : p === 'US' ? 'US-7IN7' : 'UK-EXCESSIVE';
const fixed = (rule: string) => () => rule;

/** Which way each number tightens. 'lower' = a smaller value is stricter. */
const KNOBS: Record<string, Knob> = {
  defaultTimezone: { dir: 'neutral', rule: (p) => `${p}-HOURS` },
  'hours.start': { dir: 'higher', rule: (p) => `${p}-HOURS` },
  'hours.end': { dir: 'lower', rule: (p) => `${p}-HOURS` },
  'hours.channels': { dir: 'higher', rule: (p) => `${p}-HOURS` },
  'holidays.mode': { dir: 'higher', rule: (p) => `${p}-HOLIDAY` },
  'holidays.calendar': { dir: 'neutral', rule: (p) => `${p}-HOLIDAY` },
  'holidays.channels': { dir: 'higher', rule: (p) => `${p}-HOLIDAY` },
  'limits.cnUnanswered.maxPerContactPerDay': { dir: 'lower', rule: fixed('CN-UNANSWERED') },
  'limits.cnUnanswered.warnAt': { dir: 'lower', rule: fixed('CN-UNANSWERED') },
  'limits.cnConnected.maxPerDay': { dir: 'lower', rule: fixed('CN-CONNECTED') },
  'limits.cnThirdParty.failedAttempts': { dir: 'higher', rule: fixed('CN-THIRD-PARTY') },
  'limits.cnThirdParty.unreachableDays': { dir: 'higher', rule: fixed('CN-THIRD-PARTY') },
  'limits.visit.minCollectors': { dir: 'higher', rule: fixed('CN-VISIT') },
  'limits.usFrequency.maxCalls': { dir: 'lower', rule: fixed('US-7IN7') },
  'limits.usFrequency.windowDays': { dir: 'higher', rule: fixed('US-7IN7') },
  'limits.usFrequency.afterConversationDays': { dir: 'higher', rule: fixed('US-AFTER-CONVERSATION') },
  'limits.usFrequency.consentDays': { dir: 'lower', rule: fixed('US-7IN7') },
  'limits.usFrequency.countBusy': { dir: 'higher', rule: fixed('US-7IN7') },
  'limits.usFrequency.countNotInService': { dir: 'higher', rule: fixed('US-7IN7') },
  'limits.usPattern.unansweredMinutes': { dir: 'higher', rule: fixed('US-PATTERN') },
  'limits.usPattern.maxCallsPerDay': { dir: 'lower', rule: fixed('US-PATTERN') },
  'limits.usThirdParty.maxLocationContacts': { dir: 'lower', rule: fixed('US-THIRD-PARTY') },
  'limits.usValidation.days': { dir: 'lower', rule: fixed('US-VALIDATION') },
  'limits.ukExcessive.maxCallsPerDay': { dir: 'lower', rule: fixed('UK-EXCESSIVE') },
  'limits.ukExcessive.maxCallsPerWindow': { dir: 'lower', rule: fixed('UK-EXCESSIVE') },
  'limits.ukExcessive.maxWrittenPerWindow': { dir: 'lower', rule: fixed('UK-EXCESSIVE') },
  'limits.ukExcessive.windowDays': { dir: 'higher', rule: fixed('UK-EXCESSIVE') },
  'limits.ledgerMaxAgeHours': { dir: 'lower', rule: frequencyRule },
  'limits.retention.recordsYears': { dir: 'higher', rule: (p) => `${p}-RECORDS` },
  'lexicon.extraTerms': { dir: 'higher', rule: (p) => (p === 'CN' ? 'CN-CONDUCT' : `${p}-LANGUAGE`) },
};

const LEVEL_RANK: Record<RuleLevel, number> = { off: 0, qa: 1, warn: 2, block: 3 };
const HOLIDAY_RANK: Record<HolidayMode, number> = { off: 0, warn: 1, block: 2 };

/** -1 looser, 0 same, 1 tighter, for one changed value. */
function compare(path: string, dir: Direction, base: unknown, next: unknown): -1 | 0 | 1 {
  if (dir === 'neutral') return 0;
  let b: number;
  let n: number;
  if (Array.isArray(base) && Array.isArray(next)) {
    // Lists tighten by growing: every base element must stay.
    const nextSet = new Set(next.map((x) => canonicalJson(x)));
    const baseSet = new Set(base.map((x) => canonicalJson(x)));
    if ([...baseSet].some((x) => !nextSet.has(x))) return -1;
    return nextSet.size > baseSet.size ? 1 : 0;
  }
  if (path === 'holidays.mode') {
    b = HOLIDAY_RANK[base as HolidayMode];
    n = HOLIDAY_RANK[next as HolidayMode];
  } else if (path.startsWith('hours.')) {
    b = parseHhmm(base as string);
    n = parseHhmm(next as string);
  } else if (typeof base === 'boolean' && typeof next === 'boolean') {
    b = base ? 1 : 0;
    n = next ? 1 : 0;
  } else {
    b = base as number;
    n = next as number;
  }
  if (n === b) return 0;
  const tighter = dir === 'lower' ? n < b : n > b;
  return tighter ? 1 : -1;
}

function flatten(obj: unknown, prefix: string, out: Map<string, unknown>): void {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    out.set(prefix, obj);
    return;
  }
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    if (v === undefined) continue;
    flatten(v, prefix ? `${prefix}.${k}` : k, out);
  }
}

function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur: Record<string, unknown> = obj;
  for (const key of keys.slice(0, -1)) {
    const next = cur[key];
    if (next === null || typeof next !== 'object') throw new PolicyError(`unknown policy key "${path}"`);
    cur = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] ?? '';
  cur[last] = value;
}

function describeChange(path: string, base: unknown, next: unknown): string {
  return `${path} from ${JSON.stringify(base)} to ${JSON.stringify(next)}`;
}

function parseTightening(raw: unknown): Tightening {
  if (raw === undefined || raw === null) return {};
  const parsed = tighteningSchema.safeParse(raw);
  if (!parsed.success) throw new PolicyError(`invalid policy: ${formatIssues(parsed.error.issues)}`);
  return parsed.data;
}

/**
 * A preset plus a placement's tightening → the policy the engine runs.
 * Loosening needs `admin` and never touches a block rule. The version names the preset release and a
 * short hash of the canonical changes, so every decision records exactly which rules it used.
 */
export function resolvePolicy(
  base: PresetId | PolicyInput,
  tightening?: unknown,
  opts?: { admin?: boolean },
): Policy {
  let presetId: PresetId;
  const changes: Tightening[] = [];
  if (typeof base === 'string') {
    if (!PRESET_IDS.includes(base)) throw new PolicyError(`unknown preset "${String(base)}"`);
    presetId = base;
  } else {
    const parsed = policyObjectSchema.safeParse(base);
    if (!parsed.success) throw new PolicyError(`invalid policy: ${formatIssues(parsed.error.issues)}`);
    const { preset, version: _version, ...rest } = parsed.data;
    presetId = preset as PresetId;
    changes.push(rest);
  }
  changes.push(parseTightening(tightening));

  const preset = presets[presetId];
  const prefix = rulePrefix(presetId);
  const policy = structuredClone(preset);
  const diff: Record<string, unknown> = {};
  let loosened = false;

  for (const change of changes) {
    const flat = new Map<string, unknown>();
    flatten(change, '', flat);
    for (const [path, value] of flat) {
      const baseValue = getPath(preset, path);
      let verdict: -1 | 0 | 1;
      let rule: string;
      if (path.startsWith('rules.')) {
        rule = path.slice('rules.'.length);
        if (!(rule in preset.rules)) throw new PolicyError(`unknown rule "${rule}" for preset ${presetId}`);
        const b = LEVEL_RANK[baseValue as RuleLevel];
        const n = LEVEL_RANK[value as RuleLevel];
        verdict = n === b ? 0 : n > b ? 1 : -1;
        policy.rules[rule] = value as RuleLevel;
      } else {
        const knob = KNOBS[path];
        if (!knob) throw new PolicyError(`unknown policy key "${path}"`);
        rule = knob.rule(prefix);
        verdict = compare(path, knob.dir, baseValue, value);
        setPath(policy as unknown as Record<string, unknown>, path, value);
      }
      if (canonicalJson(baseValue) === canonicalJson(value)) continue;
      diff[path] = value;
      if (verdict >= 0) continue;
      if (isHardRule(presetId, rule)) {
        throw new PolicyError(
          `loosening ${describeChange(path, baseValue, value)} is never allowed: ${rule} is a block rule`,
        );
      }
      if (!opts?.admin) {
        throw new PolicyError(`loosening ${describeChange(path, baseValue, value)} (${rule}) needs an administrator`);
      }
      loosened = true;
    }
  }
  checkConsistent(policy);
  if (Object.keys(diff).length > 0) {
    const payload = loosened ? { ...diff, '#admin': true } : diff;
    policy.version = `${preset.version}+${shortHash(canonicalJson(payload))}`;
  }
  return policy;
}

function checkConsistent(policy: Policy): void {
  if (parseHhmm(policy.hours.start) >= parseHhmm(policy.hours.end)) {
    throw new PolicyError(`invalid policy: hours.start ${policy.hours.start} must be before hours.end ${policy.hours.end}`);
  }
  const u = policy.limits.cnUnanswered;
  if (u.warnAt > u.maxPerContactPerDay + 1) {
    throw new PolicyError('invalid policy: limits.cnUnanswered.warnAt must not exceed maxPerContactPerDay');
  }
}

