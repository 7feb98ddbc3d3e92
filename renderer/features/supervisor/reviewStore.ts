/** The supervisor's review queues: override requests and complaints, each with its status filter. */
import { create } from 'zustand';
import type { ComplaintView, OverrideView } from '../../../common/api/types';
import type { ApiErrorBody } from '../../../common/api/result';
import { call, toApiError } from '../../app/api';

export const OVERRIDE_FILTERS = ['pending', 'approved', 'refused', 'used', 'all'] as const;
export type OverrideFilter = (typeof OVERRIDE_FILTERS)[number];
export const COMPLAINT_FILTERS = ['open', 'responded', 'escalated', 'resolved', 'all'] as const;
export type ComplaintFilter = (typeof COMPLAINT_FILTERS)[number];
export const COMPLAINT_ACTIONS = ['assign', 'respond', 'resolve', 'escalate'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

interface ListState<T, F> {
  filter: F;
  items: T[];
  loaded: boolean;
  loading: boolean;
  error: ApiErrorBody | null;
}

interface ReviewState {
  overrides: ListState<OverrideView, OverrideFilter>;
  complaints: ListState<ComplaintView, ComplaintFilter>;
  loadOverrides(filter?: OverrideFilter): Promise<void>;
  loadComplaints(filter?: ComplaintFilter): Promise<void>;
  /** Throws the ApiError so the form that asked can show it. */
  decideOverride(overrideId: string, approve: boolean, reason: string): Promise<OverrideView>;
  updateComplaint(input: { complaintId: string; action: ComplaintAction; assigneeId?: string; text?: string }): Promise<ComplaintView>;
}

/** Whether an item still belongs under the filter after it changed (a decided request leaves "pending"). */
export function keepsFilter(status: string, filter: string): boolean {
  return filter === 'all' || status === filter;
}

/** Replaces the changed item in place, or drops it when it no longer matches the filter. */
export function replaceOrDrop<T extends { id: string; status: string }>(items: readonly T[], changed: T, filter: string): T[] {
  if (!keepsFilter(changed.status, filter)) return items.filter((i) => i.id !== changed.id);
  return items.map((i) => (i.id === changed.id ? changed : i));
}

let overrideGen = 0;
let complaintGen = 0;

export const useReview = create<ReviewState>((set, get) => ({
  overrides: { filter: 'pending', items: [], loaded: false, loading: false, error: null },
  complaints: { filter: 'open', items: [], loaded: false, loading: false, error: null },
  async loadOverrides(filter = get().overrides.filter) {
    const mine = ++overrideGen;
    set((s) => ({ overrides: { ...s.overrides, filter, loading: true, error: null } }));
    try {
      const items = await call((a) => a.overrides.list({ status: filter }));
      if (mine === overrideGen) set((s) => ({ overrides: { ...s.overrides, items, loaded: true, loading: false } }));
    } catch (err) {
      if (mine === overrideGen) set((s) => ({ overrides: { ...s.overrides, loading: false, error: toApiError(err).body } }));
    }
  },
  async loadComplaints(filter = get().complaints.filter) {
    const mine = ++complaintGen;
    set((s) => ({ complaints: { ...s.complaints, filter, loading: true, error: null } }));
    try {
      const items = await call((a) => a.complaints.list({ status: filter }));
      if (mine === complaintGen) set((s) => ({ complaints: { ...s.complaints, items, loaded: true, loading: false } }));
    } catch (err) {
      if (mine === complaintGen) set((s) => ({ complaints: { ...s.complaints, loading: false, error: toApiError(err).body } }));
    }
  },
  async decideOverride(overrideId, approve, reason) {
    const changed = await call((a) => a.overrides.decide({ overrideId, approve, reason: reason.trim() }));
    set((s) => ({ overrides: { ...s.overrides, items: replaceOrDrop(s.overrides.items, changed, s.overrides.filter) } }));
    return changed;
  },
  async updateComplaint(input) {
    const changed = await call((a) => a.complaints.update(input));
    set((s) => ({ complaints: { ...s.complaints, items: replaceOrDrop(s.complaints.items, changed, s.complaints.filter) } }));
    return changed;
  },
}));
