import type { Lang, PresetId } from '../guardrails/types';
import { CN_TEMPLATES } from './cn';
import type { MessageTemplate, TemplateKind } from './types';
import { UK_TEMPLATES } from './uk-conc';
import { US_TEMPLATES } from './us-regf';

export { MERGE_FIELDS } from './types';
export type { MergeField, MergeValues, MessageTemplate, TemplateKind } from './types';
export { TemplateError, fieldsUsed, renderMessage, renderTemplate } from './render';

/** Every lender-approved template: per preset, a letter, a text and an e-mail in zh-CN and English. */
export const TEMPLATES: readonly MessageTemplate[] = [...CN_TEMPLATES, ...US_TEMPLATES, ...UK_TEMPLATES];

export function findTemplate(preset: PresetId, kind: TemplateKind, lang: Lang): MessageTemplate | undefined {
  return TEMPLATES.find((t) => t.preset === preset && t.kind === kind && t.lang === lang);
}
