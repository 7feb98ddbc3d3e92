/** The tiny router: which screen is showing. No URL routing — the app is a single workstation view. */
import { create } from 'zustand';

export type View = { name: 'queue' } | { name: 'case'; caseId: string } | { name: 'supervisor' } | { name: 'admin' };

interface NavigationState {
  view: View;
  openCase(caseId: string): void;
  backToQueue(): void;
  openSupervisor(): void;
  /** Administration (users, audit log, lender) for an admin; the audit log for a supervisor. */
  openAdmin(): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  view: { name: 'queue' },
  openCase: (caseId) => set({ view: { name: 'case', caseId } }),
  backToQueue: () => set({ view: { name: 'queue' } }),
  openSupervisor: () => set({ view: { name: 'supervisor' } }),
  openAdmin: () => set({ view: { name: 'admin' } }),
}));
