/** Why `n` chose a case (or none): the backend's reason key worded in the user's language, and remembered for the case view. */
import type { TFunction } from 'i18next';
import { create } from 'zustand';
import type { NextCaseResult } from '../../../common/api/types-dayloop';
import { formatDate, formatInstant } from '../../app/format';

export function nextReasonText(r: NextCaseResult, t: TFunction, locale: string): string {
  const p: Record<string, string | number> = { ...r.reason.params };
  if (typeof p.due === 'string') p.due = r.kind === 'callback_due' ? formatInstant(p.due, locale, { withZone: true }) : formatDate(p.due, locale);
  if (typeof p.at === 'string') p.at = formatInstant(p.at, locale, { withZone: true });
  return t(`dayloop.${r.reason.key}`, p);
}

interface NextReasonState {
  caseId: string | null;
  text: string;
  set(caseId: string | null, text: string): void;
}

export const useNextReason = create<NextReasonState>((set) => ({
  caseId: null,
  text: '',
  set: (caseId, text) => set({ caseId, text }),
}));
