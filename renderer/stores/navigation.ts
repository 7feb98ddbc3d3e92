/** The tiny router: which screen is showing. No URL routing — the app is a single workstation view. */
import { create } from 'zustand';

export type View = { name: 'queue' } | { name: 'case'; caseId: string } | { name: 'supervisor' };

interface NavigationState {
  view: View;
  openCase(caseId: string): void;
  backToQueue(): void;
  openSupervisor(): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  view: { name: 'queue' },
  openCase: (caseId) => set({ view: { name: 'case', caseId } }),
  backToQueue: () => set({ view: { name: 'queue' } }),
  openSupervisor: () => set({ view: { name: 'supervisor' } }),
}));
