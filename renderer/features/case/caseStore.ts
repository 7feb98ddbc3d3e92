/**
 * The open case. Revealed personal data lives only here and only while this case is open: leaving
 * the case (or opening another) forgets it.
 */
import { create } from 'zustand';
import type { CaseDetail } from '../../../common/api/types';
import type { ApiErrorBody } from '../../../common/api/result';
import { call, toApiError } from '../../app/api';

export type RevealField = 'name' | 'nationalId' | 'address' | 'contactPoint';

export function revealKey(field: RevealField, contactPointId?: string): string {
  return field === 'contactPoint' ? `contactPoint:${contactPointId ?? ''}` : field;
}

interface CaseState {
  caseId: string | null;
  detail: CaseDetail | null;
  loading: boolean;
  error: ApiErrorBody | null;
  revealed: Record<string, string>;
  open(caseId: string): Promise<void>;
  refresh(): Promise<void>;
  close(): void;
  reveal(field: RevealField, reason: string, contactPointId?: string): Promise<string>;
}

export const useCase = create<CaseState>((set, get) => ({
  caseId: null,
  detail: null,
  loading: false,
  error: null,
  revealed: {},

  async open(caseId) {
    if (get().caseId !== caseId) set({ caseId, detail: null, revealed: {}, error: null });
    set({ loading: true });
    try {
      const detail = await call((a) => a.cases.get({ caseId }));
      if (get().caseId === caseId) set({ detail, loading: false });
    } catch (err) {
      if (get().caseId === caseId) set({ error: toApiError(err).body, loading: false });
    }
  },
  async refresh() {
    const id = get().caseId;
    if (id) await get().open(id);
  },
  close() {
    set({ caseId: null, detail: null, revealed: {}, error: null, loading: false });
  },
  async reveal(field, reason, contactPointId) {
    const caseId = get().caseId;
    if (!caseId) throw new Error('no case open');
    const { value } = await call((a) =>
      a.cases.reveal({ caseId, field, reason, ...(contactPointId ? { contactPointId } : {}) }),
    );
    if (get().caseId === caseId) set({ revealed: { ...get().revealed, [revealKey(field, contactPointId)]: value } });
    return value;
  },
}));
