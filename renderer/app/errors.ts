/**
 * API errors in plain words. A reason the backend names (ErrorReason) is worded in the user's
 * language from `reasons.*`; otherwise a sentence per code, then what the backend said.
 */
import type { TFunction } from 'i18next';
import type { ApiErrorBody } from '../../common/api/result';
import { validationIssues } from './api';

export function errorText(body: ApiErrorBody, t: TFunction): string {
  if (body.reason) {
    const worded = t(`reasons.${body.reason.key}`, { ...(body.reason.params ?? {}), defaultValue: '' });
    if (typeof worded === 'string' && worded !== '') return worded;
  }
  const lead = t(`errors.${body.code}`, { defaultValue: t('errors.INTERNAL') });
  const issues = validationIssues(body);
  if (issues.length > 0) {
    return `${lead} ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`;
  }
  return body.message && body.message !== lead ? `${lead} (${body.message})` : lead;
}
