/**
 * The team dashboard: the period (week / month to date, or custom), the placement filter, the
 * figures and the sync state that says how fresh the lender's view is. "Today" follows the
 * backend's clock (the dashboard's `asOf`), not this window's, so a pinned or skewed clock still
 * gives the period the backend counts.
 */
import { create } from 'zustand';
import type { DashboardView } from '../../../common/api/types-supervisor';
import type { SyncStatus } from '../../../common/api/methods/sync';
import type { ApiErrorBody } from '../../../common/api/result';
import { call, toApiError } from '../../app/api';
import { browserDay, periodFor, periodProblem, type Period, type PeriodMode } from './period';

interface DashboardState {
  mode: PeriodMode;
  today: string;
  custom: Period;
  placementId: string;
  view: DashboardView | null;
  sync: SyncStatus | null;
  loading: boolean;
  error: ApiErrorBody | null;
  /** The period the controls stand for now (custom may not be applied yet). */
  period(): Period;
  setMode(mode: PeriodMode): void;
  setCustom(custom: Period): void;
  setPlacement(placementId: string): void;
  load(): Promise<void>;
}

let generation = 0;

export const useDashboard = create<DashboardState>((set, get) => ({
  mode: 'week',
  today: browserDay(new Date()),
  custom: periodFor('month', browserDay(new Date()), { from: '', to: '' }),
  placementId: '',
  view: null,
  sync: null,
  loading: false,
  error: null,
  period: () => periodFor(get().mode, get().today, get().custom),
  setMode(mode) {
    // Switching to custom starts from what was on screen, so the supervisor adjusts rather than retypes.
    if (mode === 'custom' && get().mode !== 'custom') set({ custom: get().period() });
    set({ mode });
    if (mode !== 'custom') void get().load();
  },
  setCustom: (custom) => set({ custom }),
  setPlacement(placementId) {
    set({ placementId });
    void get().load();
  },
  async load() {
    const period = get().period();
    if (periodProblem(period)) return;
    const mine = ++generation;
    set({ loading: true, error: null });
    const placementId = get().placementId;
    try {
      const [view, sync] = await Promise.all([
        call((a) => a.supervisor.dashboard({ ...period, ...(placementId ? { placementId } : {}) })),
        call((a) => a.sync.status({})).catch(() => null),
      ]);
      if (mine !== generation) return;
      const serverToday = view.today;
      if (serverToday !== get().today && get().mode !== 'custom') {
        // The backend's day differs from ours: count the period it would, once.
        set({ today: serverToday });
        if (mine === generation) {
          await get().load();
          return;
        }
      }
      set({ view, sync, loading: false, today: serverToday });
    } catch (err) {
      if (mine !== generation) return;
      set({ error: toApiError(err).body, loading: false });
    }
  },
}));
