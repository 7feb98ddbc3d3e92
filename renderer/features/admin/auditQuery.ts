/** The audit filter as the user writes it (calendar days in the workstation's zone) → the API's query. */
import { addDays } from '../../app/format';

export interface AuditFilter {
  from: string; // YYYY-MM-DD or ''
  to: string;
  action: string;
  outcome: '' | 'ok' | 'refused' | 'failed';
}

export const EMPTY_FILTER: AuditFilter = { from: '', to: '', action: '', outcome: '' };

/** Local midnight of a calendar day, as an instant. */
function startOfDay(ymd: string): string {
  return new Date(`${ymd}T00:00:00`).toISOString();
}

/** `to` is inclusive: the query ends at the next day's midnight. */
export function auditQuery(f: AuditFilter, offset: number, limit: number) {
  return {
    ...(f.from ? { from: startOfDay(f.from) } : {}),
    ...(f.to ? { to: startOfDay(addDays(f.to, 1)) } : {}),
    ...(f.action.trim() ? { action: f.action.trim() } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    offset,
    limit,
  };
}
