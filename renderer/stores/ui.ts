/** Shell-level UI state: the keyboard help overlay and the transient notice line. */
import { create } from 'zustand';

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
}

interface UiState {
  helpOpen: boolean;
  notice: Notice | null;
  setHelpOpen(open: boolean): void;
  notify(tone: Notice['tone'], text: string): void;
  dismissNotice(): void;
}

let seq = 0;

export const useUi = create<UiState>((set) => ({
  helpOpen: false,
  notice: null,
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  notify: (tone, text) => set({ notice: { id: ++seq, tone, text } }),
  dismissNotice: () => set({ notice: null }),
}));
