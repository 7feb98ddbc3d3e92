import type { Lang, PresetId } from '../guardrails/types';
import { CN_TEMPLATES } from './cn';
import { EVENT_LETTERS } from './letters';
import type { LetterType } from './letters/types';
import type { MessageTemplate, TemplateKind } from './types';
import { UK_TEMPLATES } from './uk-conc';
import { US_TEMPLATES } from './us-regf';

export { MERGE_FIELDS } from './types';
export type { MergeField, MergeValues, MessageTemplate, TemplateKind } from './types';
export { TemplateError, fieldsUsed, renderMessage, renderTemplate } from './render';
export { LETTER_TYPES, purposeOf, type LetterType } from './letters';

/**
 * Every lender-approved template: per preset, a collection letter, a text and an e-mail in zh-CN
 * and English, then the event letters (confirmations, closure, complaint letters, US validation).
 */
export const TEMPLATES: readonly MessageTemplate[] = [...CN_TEMPLATES, ...US_TEMPLATES, ...UK_TEMPLATES, ...EVENT_LETTERS];

/** The standing collection template of a preset, kind and language. */
export function findTemplate(preset: PresetId, kind: TemplateKind, lang: Lang): MessageTemplate | undefined {
  return TEMPLATES.find((t) => t.preset === preset && t.kind === kind && t.lang === lang && t.letter === undefined);
}

/** What a stored template (named by its approved template's id) is for; unknown names are collection letters. */
export function letterTypeOf(templateName: string): LetterType {
  return TEMPLATES.find((t) => t.id === templateName)?.letter ?? 'collection';
}
