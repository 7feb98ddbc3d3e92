/** Case reassignment: find a case by reference (the work queue's search), then move it to a collector. */
import { create } from 'zustand';
import type { QueueRow } from '../../../common/api/types';
import type { ApiErrorBody } from '../../../common/api/result';
import { call, toApiError } from '../../app/api';

export const RESULT_LIMIT = 25;

export interface Reassigned {
  caseId: string;
  reference: string;
  assigneeId: string;
}

interface ReassignState {
  query: string;
  results: QueueRow[];
  total: number | null;
  searching: boolean;
  error: ApiErrorBody | null;
  selectedId: string | null;
  last: Reassigned | null;
  search(query: string): Promise<void>;
  select(caseId: string | null): void;
  reassign(caseId: string, assigneeId: string): Promise<Reassigned>;
}

let gen = 0;

export const useReassign = create<ReassignState>((set, get) => ({
  query: '',
  results: [],
  total: null,
  searching: false,
  error: null,
  selectedId: null,
  last: null,
  async search(query) {
    const q = query.trim();
    const mine = ++gen;
    set({ query: q });
    if (q === '') {
      set({ results: [], total: null, searching: false, error: null, selectedId: null });
      return;
    }
    set({ searching: true, error: null });
    try {
      const page = await call((a) => a.cases.queue({ search: q, limit: RESULT_LIMIT, sort: 'reference', dir: 'asc', filters: {} }));
      if (mine !== gen) return;
      const keep = page.rows.some((r) => r.id === get().selectedId);
      set({ results: page.rows, total: page.total, searching: false, selectedId: keep ? get().selectedId : (page.rows.length === 1 ? page.rows[0]!.id : null) });
    } catch (err) {
      if (mine === gen) set({ searching: false, error: toApiError(err).body });
    }
  },
  select: (selectedId) => set({ selectedId }),
  async reassign(caseId, assigneeId) {
    const row = get().results.find((r) => r.id === caseId);
    const done = await call((a) => a.cases.reassign({ caseId, assigneeId }));
    const last = { caseId: done.caseId, reference: row?.reference ?? done.caseId, assigneeId: done.assigneeId };
    set({ last });
    return last;
  },
}));
