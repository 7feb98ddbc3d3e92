import type { Channel, ExtraTerm, LexiconCategory, Party, PresetId } from '../guardrails/types';

export type { LexiconCategory, ExtraTerm };

export interface LexiconEntry {
  id: string;
  category: LexiconCategory;
  lang: 'zh-CN' | 'en';
  /** Global, case-insensitive; English entries use word boundaries. */
  re: RegExp;
  /** False when a negation before it does not lift it (insults: “不要脸” is itself the insult). Default true. */
  negatable?: boolean;
}

export type FindingKind = 'lexicon' | 'required' | 'placeholder';

export interface LintFinding {
  kind: FindingKind;
  rule: string;
  category: LexiconCategory | 'required_content' | 'unfilled_field';
  /** Offsets into the checked text; both 0 for content that is missing. */
  start: number;
  end: number;
  text: string;
  message: { 'zh-CN': string; en: string };
}

export interface LintOptions {
  preset: PresetId;
  channel: Channel;
  party?: Party;
  /** US: first communication with the consumer, which needs the full "attempt to collect a debt" disclosure. */
  initialCommunication?: boolean;
  /** US: the debt is time-barred, so any mention of suing is a violation. */
  timeBarred?: boolean;
  extraTerms?: readonly ExtraTerm[];
}
