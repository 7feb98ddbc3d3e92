/** Which tab of the supervisor console is showing; kept across visits to a case and back. */
import { create } from 'zustand';

export const SUPERVISOR_TABS = ['dashboard', 'overrides', 'complaints', 'money', 'reassign', 'exports'] as const;
export type SupervisorTab = (typeof SUPERVISOR_TABS)[number];

interface ConsoleState {
  tab: SupervisorTab;
  setTab(tab: SupervisorTab): void;
}

export const useSupervisorConsole = create<ConsoleState>((set) => ({
  tab: 'dashboard',
  setTab: (tab) => set({ tab }),
}));
