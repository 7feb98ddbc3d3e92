/** Pure rules for the complaint queue: what to offer first, when the text is enough, how near the deadline is. */
import type { ComplaintView } from '../../../../common/api/types';
import type { ComplaintAction } from '../reviewStore';
import { MIN_REASON } from '../reason';

const SOON_MS = 24 * 3_600_000;

/** Nobody on it yet: assign first; otherwise the next step is an answer. */
export function defaultComplaintAction(c: Pick<ComplaintView, 'assignee' | 'status'>): ComplaintAction {
  if (!c.assignee && c.status === 'open') return 'assign';
  return 'respond';
}

/** The backend refuses respond / resolve / escalate without at least 5 characters. */
export function complaintTextOk(text: string): boolean {
  return text.trim().length >= MIN_REASON && text.length <= 10_000;
}

/** Where a complaint stands against its response deadline. */
export function deadlineState(c: Pick<ComplaintView, 'dueAt' | 'overdue' | 'status'>, now: Date): 'done' | 'overdue' | 'soon' | 'ok' {
  // Only an open complaint still owes its first answer; the deadline is about that answer.
  if (c.status !== 'open') return 'done';
  if (c.overdue) return 'overdue';
  const due = Date.parse(c.dueAt);
  if (Number.isNaN(due)) return 'ok';
  if (due <= now.getTime()) return 'overdue';
  return due - now.getTime() <= SOON_MS ? 'soon' : 'ok';
}
