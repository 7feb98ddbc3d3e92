export { lintText, mentionsDebt, ruleForCategory, LEXICON } from './lint';
export type { LintFinding, LintOptions, LexiconEntry, FindingKind, ExtraTerm, LexiconCategory } from './types';
