/** Which case-action dialog is open (one at a time), and what it was opened with. */
import { create } from 'zustand';

export type CaseDialog = 'promise' | 'plan' | 'payment' | 'letter' | 'complaint' | 'outcome' | 'affordability';

export interface PlanPrefill {
  totalMinor?: number;
  count?: number;
}

interface CaseDialogState {
  open: CaseDialog | null;
  planPrefill: PlanPrefill | null;
  show(dialog: CaseDialog, planPrefill?: PlanPrefill): void;
  close(): void;
}

export const useCaseDialogs = create<CaseDialogState>((set) => ({
  open: null,
  planPrefill: null,
  show: (open, planPrefill) => set({ open, planPrefill: planPrefill ?? null }),
  close: () => set({ open: null, planPrefill: null }),
}));
