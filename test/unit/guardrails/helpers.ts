import {
  evaluate,
  resolvePolicy,
  type Action,
  type Decision,
  type Facts,
  type HistoryEntry,
  type Policy,
  type PresetId,
} from '../../../common/domain/guardrails';

export const NO_FLAGS: Facts['flags'] = {
  cease: false,
  dispute: false,
  complaintOpen: false,
  attorney: false,
  vulnerable: false,
  recalled: false,
  bankrupt: false,
  deceased: false,
};

export function facts(over: Partial<Facts> = {}, zones: string[] = []): Facts {
  return {
    borrower: { timezones: zones },
    flags: { ...NO_FLAGS, ...(over.flags ?? {}) },
    optOuts: [],
    consents: [],
    history: [],
    ...over,
    ...(over.flags ? { flags: { ...NO_FLAGS, ...over.flags } } : {}),
  };
}

export function entry(at: string, over: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    at,
    channel: 'call',
    party: 'borrower',
    contact: 'mobile-1',
    debts: ['D1'],
    result: 'no_answer',
    source: 'local',
    ...over,
  };
}

export function action(over: Partial<Action> = {}): Action {
  return { channel: 'call', party: 'borrower', contact: 'mobile-1', debts: ['D1'], collectors: 1, text: null, ...over };
}

export function check(
  preset: PresetId | Policy,
  f: Facts,
  a: Action,
  now: string,
): Decision & { rules: string[]; blocks: string[] } {
  const policy = typeof preset === 'string' ? resolvePolicy(preset) : preset;
  const d = evaluate(policy, f, a, new Date(now));
  return {
    ...d,
    rules: d.reasons.map((r) => r.rule),
    blocks: d.reasons.filter((r) => r.severity === 'block').map((r) => r.rule),
  };
}

/** Daily calls at the same UTC time, from `first` for `n` days. */
export function dailyCalls(first: string, n: number, over: Partial<HistoryEntry> = {}): HistoryEntry[] {
  const t0 = Date.parse(first);
  return Array.from({ length: n }, (_, i) => entry(new Date(t0 + i * 86_400_000).toISOString(), over));
}
