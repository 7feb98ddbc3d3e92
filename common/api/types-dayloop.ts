/** Output types of the collector's day loop: the next case and callbacks (issue 14). */
import type { NextKind } from '../domain/cases/next';

export interface NextCaseResult {
  caseId: string | null;
  reference: string | null;
  kind: NextKind | null;
  /** Why this case is next (or why none is): a key under `next.` in the renderer's wording, and its values. */
  reason: { key: string; params: Record<string, string | number> };
  /** When nothing may be served now: the earliest instant one may be; null when a person must act first. */
  nextContactableAt: string | null;
}

export type CallbackStatus = 'due' | 'done' | 'cancelled';

export interface CallbackView {
  id: string;
  caseId: string;
  reference: string;
  /** UTC instant. */
  dueAt: string;
  /** The borrower's zone the time was chosen in; the renderer shows both it and the user's own. */
  zone: string;
  note: string;
  source: 'case' | 'contact' | 'promise';
  status: CallbackStatus;
  createdBy: string;
  createdAt: string;
  /** Due now (status due and dueAt <= now), by the backend's clock. */
  dueNow: boolean;
}
