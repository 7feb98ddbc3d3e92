import type { LexiconCategory, PresetId } from '../guardrails/types';
import { LEXICON_EN } from './lexicon-en';
import { LEXICON_ZH } from './lexicon-zh';
import { lexiconMessage, placeholderMessage } from './messages';
import { negated } from './negation';
import { normalize, originalSpan } from './normalize';
import { checkRequired } from './required';
import type { ExtraTerm, LexiconEntry, LintFinding, LintOptions } from './types';

export const LEXICON: readonly LexiconEntry[] = [...LEXICON_ZH, ...LEXICON_EN];

/** Which rule a lexicon hit breaks, or null when the category does not apply in this context. */
export function ruleForCategory(preset: PresetId, category: LexiconCategory, opts: LintOptions): string | null {
  if (category === 'debt_mention') {
    if (opts.party !== 'third_party') return null;
    return preset === 'cn' ? 'CN-THIRD-PARTY' : preset === 'us-regf' ? 'US-THIRD-PARTY' : 'UK-PRIVACY';
  }
  if (category === 'legal_action') return preset === 'us-regf' && opts.timeBarred ? 'US-TIME-BARRED' : null;
  switch (preset) {
    case 'cn':
      return 'CN-CONDUCT';
    case 'us-regf':
      // US law does not forbid urging prompt payment; CONC and the CN guideline do.
      return category === 'pressure' ? null : 'US-LANGUAGE';
    case 'uk-conc':
      return category === 'pressure' || category === 'new_borrowing' ? 'UK-FORBEARANCE' : 'UK-LANGUAGE';
  }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const extraCache = new Map<string, LexiconEntry>();

function extraEntry(term: ExtraTerm): LexiconEntry {
  const key = `${term.category}\u0000${term.phrase}`;
  let entry = extraCache.get(key);
  if (!entry) {
    // Placement terms are literal phrases: no user-supplied regular expressions (no ReDoS).
    const ascii = /^[\x20-\x7e]+$/.test(term.phrase);
    const body = escapeRegExp(term.phrase.trim()).replace(/\s+/g, '\\s+');
    entry = {
      id: `extra.${term.phrase}`,
      category: term.category,
      lang: ascii ? 'en' : 'zh-CN',
      re: new RegExp(ascii ? `\\b${body}\\b` : body, 'giu'),
    };
    if (extraCache.size > 5000) extraCache.clear();
    extraCache.set(key, entry);
  }
  return entry;
}

const PLACEHOLDER = /\{\{\s*[^{}]*?\s*\}\}/gu;

/**
 * Checks a letter, text, e-mail or note: lexicon hits (each pointing at the phrase), unfilled template
 * fields, and the content the preset requires for this channel. Pure and fast enough for as-you-type hints.
 */
export function lintText(text: string, opts: LintOptions): LintFinding[] {
  const findings: LintFinding[] = [];
  const entries = opts.extraTerms?.length ? [...LEXICON, ...opts.extraTerms.map(extraEntry)] : LEXICON;
  // The lexicon reads the normalised text (full-width folded, inserted spaces and homophones undone);
  // every finding points at the original.
  const norm = normalize(text);
  const taken: { start: number; end: number; rule: string; category: string }[] = [];
  for (const entry of entries) {
    const rule = ruleForCategory(opts.preset, entry.category, opts);
    if (!rule) continue;
    entry.re.lastIndex = 0;
    for (let m = entry.re.exec(norm.text); m !== null; m = entry.re.exec(norm.text)) {
      if (m[0].length === 0) {
        entry.re.lastIndex++;
        continue;
      }
      if (entry.negatable !== false && negated(norm.text, m.index, m.index + m[0].length, entry.lang)) continue;
      const { start, end } = originalSpan(norm, m.index, m.index + m[0].length);
      // One finding per phrase, rule and category, even if two lexicon entries match it.
      if (taken.some((t) => t.rule === rule && t.category === entry.category && start < t.end && end > t.start)) continue;
      taken.push({ start, end, rule, category: entry.category });
      const phrase = text.slice(start, end);
      findings.push({
        kind: 'lexicon',
        rule,
        category: entry.category,
        start,
        end,
        text: phrase,
        message: lexiconMessage(entry.category, phrase, start),
      });
    }
  }
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(text); m !== null; m = PLACEHOLDER.exec(text)) {
    findings.push({
      kind: 'placeholder',
      rule: 'TEMPLATE-FIELD',
      category: 'unfilled_field',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      message: placeholderMessage(m[0]),
    });
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return [...findings, ...checkRequired(text, opts)];
}

/** True when the text talks about the debt (used for ID&V and third-party checks). */
export function mentionsDebt(text: string): boolean {
  const norm = normalize(text).text;
  for (const entry of LEXICON) {
    if (entry.category !== 'debt_mention') continue;
    entry.re.lastIndex = 0;
    if (entry.re.test(norm)) return true;
  }
  return false;
}
