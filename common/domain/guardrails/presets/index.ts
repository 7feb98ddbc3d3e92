import type { Policy, PresetId } from '../types';
import { cnPreset, cnSources } from './cn';
import { usRegfPreset, usSources } from './us-regf';
import { ukConcPreset, ukSources } from './uk-conc';

export const presets: Record<PresetId, Policy> = {
  cn: cnPreset,
  'us-regf': usRegfPreset,
  'uk-conc': ukConcPreset,
};

const SOURCES: Record<PresetId, Record<string, string>> = { cn: cnSources, 'us-regf': usSources, 'uk-conc': ukSources };

/** Rules that can never be loosened, even by an admin: the preset's block rules and rules with a block part. */
export function isHardRule(preset: PresetId, rule: string): boolean {
  if (rule === 'UK-VULNERABLE') return true; // blocks visits regardless of its warning level
  return presets[preset].rules[rule] === 'block';
}

export function ruleSource(preset: PresetId, rule: string): string {
  return SOURCES[preset][rule] ?? 'docs/CONDUCT_RULES.md';
}

/** The rule-id prefix of a preset, for rules every preset has (e.g. CN-RECALL, US-RECALL). */
export function rulePrefix(preset: PresetId): 'CN' | 'US' | 'UK' {
  switch (preset) {
    case 'cn':
      return 'CN';
    case 'us-regf':
      return 'US';
    case 'uk-conc':
      return 'UK';
  }
}
