/**
 * API errors in plain words, always in the user's language. A reason the backend names
 * (ErrorReason) is worded from `reasons.*`; otherwise the code's sentence, with each field-level
 * problem worded from `validation.*`. The backend's own (English) message is added only on an
 * English screen, never on a zh-CN one.
 */
import type { TFunction } from 'i18next';
import type { ApiErrorBody } from '../../common/api/result';
import { validationIssues, type FieldIssue } from './api';
import { formatDateTime, localZone } from './format';
import { i18n } from './i18n';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A reason's values ready for its sentence: instants become a date and time in the user's locale and zone. */
export function reasonParams(params: Record<string, string | number | null> | undefined, locale: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v === null) out[k] = '—';
    else if (typeof v === 'string' && ISO_INSTANT.test(v)) out[k] = formatDateTime(v, locale, localZone(), { monthName: true });
    else out[k] = v;
  }
  return out;
}

/** The last named step of an issue's path ("plan.installments.0.amount" → "amount"). */
function fieldName(path: string): string {
  const named = path.split('.').filter((p) => p !== '' && !/^\d+$/.test(p));
  return named[named.length - 1] ?? 'input';
}

export function issueText(issue: FieldIssue, t: TFunction, english: boolean): string {
  const name = fieldName(issue.path);
  const field = t(`validation.field.${name}`, { defaultValue: name });
  const rule = issue.code === 'invalid_format' ? t(`validation.rule.${name}`, { defaultValue: '' }) : '';
  let problem: string;
  if (rule) problem = rule;
  else if (issue.code === 'custom' || !issue.code) problem = english ? issue.message : t('validation.problem.invalid');
  else {
    const bounded = issue.code === 'too_small' || issue.code === 'too_big';
    const specific = bounded && issue.origin ? `${issue.code}_${issue.origin}` : issue.code;
    const params = { minimum: issue.minimum, maximum: issue.maximum };
    problem = t(`validation.problem.${specific}`, { ...params, defaultValue: t(`validation.problem.${issue.code}`, { ...params, defaultValue: t('validation.problem.invalid') }) });
  }
  return t('validation.issue', { field, problem });
}

export function errorText(body: ApiErrorBody, t: TFunction, language: string = i18n.language): string {
  if (body.reason) {
    const worded = t(`reasons.${body.reason.key}`, { ...reasonParams(body.reason.params, language), defaultValue: '' });
    if (typeof worded === 'string' && worded !== '') return worded;
  }
  const english = language.startsWith('en');
  const lead = t(`errors.${body.code}`, { defaultValue: t('errors.INTERNAL') });
  const issues = validationIssues(body);
  if (issues.length > 0) return `${lead} ${issues.map((i) => issueText(i, t, english)).join(english ? '; ' : '；')}`;
  return english && body.message && body.message !== lead ? `${lead} (${body.message})` : lead;
}
