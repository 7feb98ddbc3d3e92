import { MERGE_FIELDS, type MergeField, type MergeValues, type MessageTemplate } from './types';

/** A template that cannot be rendered: an unknown merge field, or a field with no value. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

const KNOWN: ReadonlySet<string> = new Set(MERGE_FIELDS);
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isMergeField(name: string): name is MergeField {
  return KNOWN.has(name);
}

/** The merge fields a template text uses, in order of first use. */
export function fieldsUsed(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * Fills `{{field}}` placeholders. Output is plain text, so nothing is escaped; unknown fields (in the
 * template or in `fields`) and fields without a value are refused rather than rendered blank.
 */
export function renderTemplate(template: MessageTemplate | string, fields: MergeValues): string {
  const text = typeof template === 'string' ? template : template.body;
  const where = typeof template === 'string' ? 'template' : `template ${template.id}`;
  for (const key of Object.keys(fields)) {
    if (!isMergeField(key)) throw new TemplateError(`${where}: unknown merge field "${key}" in the values given`);
  }
  const used = fieldsUsed(text);
  const unknown = used.filter((f) => !isMergeField(f));
  if (unknown.length > 0) {
    throw new TemplateError(`${where}: unknown merge field${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `{{${f}}}`).join(', ')}`);
  }
  const missing = used.filter((f) => isMergeField(f) && (fields[f] ?? '').trim() === '');
  if (missing.length > 0) {
    throw new TemplateError(`${where}: no value for ${missing.map((f) => `{{${f}}}`).join(', ')}`);
  }
  return text.replace(PLACEHOLDER, (_m, name: string) => (isMergeField(name) ? (fields[name] ?? '') : ''));
}

/** Subject and body of an e-mail (or just the body of a letter or text). */
export function renderMessage(template: MessageTemplate, fields: MergeValues): { subject: string | null; body: string } {
  return {
    subject: template.subject === undefined ? null : renderTemplate({ ...template, body: template.subject }, fields),
    body: renderTemplate(template, fields),
  };
}
