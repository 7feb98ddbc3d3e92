/** Who is signed in and what they may see: app.info and app.placements, loaded once at start. */
import { create } from 'zustand';
import type { AppInfo, PlacementView } from '../../common/api/types';
import { call, toApiError } from '../app/api';
import type { ApiErrorBody } from '../../common/api/result';

interface SessionState {
  info: AppInfo | null;
  placements: PlacementView[];
  error: ApiErrorBody | null;
  loading: boolean;
  load(): Promise<void>;
}

export const useSession = create<SessionState>((set) => ({
  info: null,
  placements: [],
  error: null,
  loading: false,
  async load() {
    set({ loading: true, error: null });
    try {
      const [info, placements] = await Promise.all([
        call((a) => a.app.info({})),
        call((a) => a.app.placements({})),
      ]);
      set({ info, placements, loading: false });
    } catch (err) {
      set({ error: toApiError(err).body, loading: false });
    }
  },
}));
