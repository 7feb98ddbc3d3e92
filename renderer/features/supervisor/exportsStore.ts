/**
 * Report exports: the job being watched (polled every 500 ms until it finishes) and the recent
 * jobs. The poll lives here, not in a component, so switching tabs does not lose the job.
 */
import { create } from 'zustand';
import type { ExportJobView } from '../../../common/api/types-supervisor';
import type { ApiErrorBody } from '../../../common/api/result';
import { call, toApiError } from '../../app/api';
import { POLL_MS, isFinished, type ExportForm, type StartExportArgs } from './exportJob';

interface ExportsState {
  /** The form survives switching tabs. */
  form: ExportForm;
  setForm(patch: Partial<ExportForm>): void;
  job: ExportJobView | null;
  starting: boolean;
  cancelling: boolean;
  error: ApiErrorBody | null;
  recent: ExportJobView[];
  recentError: ApiErrorBody | null;
  start(input: StartExportArgs): Promise<void>;
  cancel(): Promise<void>;
  dismiss(): void;
  loadRecent(): Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | null = null;
let watching: string | null = null;

function stopPolling(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  watching = null;
}

export const useExports = create<ExportsState>((set, get) => {
  const settle = (job: ExportJobView) => {
    stopPolling();
    set({ job, cancelling: false });
    void get().loadRecent();
  };

  const poll = (jobId: string) => {
    timer = setTimeout(async () => {
      if (watching !== jobId) return;
      try {
        const job = await call((a) => a.exports.status({ jobId }));
        if (watching !== jobId) return;
        if (isFinished(job.state)) settle(job);
        else {
          set({ job });
          poll(jobId);
        }
      } catch (err) {
        if (watching !== jobId) return;
        // One failed poll is not a failed export: say so and keep watching.
        set({ error: toApiError(err).body });
        poll(jobId);
      }
    }, POLL_MS);
  };

  return {
    form: { kind: 'activities', format: 'csv', from: '', to: '', placementId: '', unmask: false, reason: '' },
    setForm: (patch) => set((s) => ({ form: { ...s.form, ...patch } })),
    job: null,
    starting: false,
    cancelling: false,
    error: null,
    recent: [],
    recentError: null,
    async start(input) {
      if (get().starting || (get().job && !isFinished(get().job!.state))) return;
      stopPolling();
      set({ starting: true, error: null, job: null });
      try {
        const { jobId } = await call((a) => a.exports.start(input));
        watching = jobId;
        const job = await call((a) => a.exports.status({ jobId }));
        set({ starting: false });
        if (isFinished(job.state)) settle(job);
        else {
          set({ job });
          poll(jobId);
        }
      } catch (err) {
        set({ starting: false, error: toApiError(err).body });
      }
    },
    async cancel() {
      const job = get().job;
      if (!job || isFinished(job.state) || get().cancelling) return;
      set({ cancelling: true });
      try {
        settle(await call((a) => a.exports.cancel({ jobId: job.jobId })));
      } catch (err) {
        set({ cancelling: false, error: toApiError(err).body });
      }
    },
    dismiss() {
      const job = get().job;
      if (job && !isFinished(job.state)) return;
      set({ job: null, error: null });
    },
    async loadRecent() {
      try {
        set({ recent: await call((a) => a.exports.list({})), recentError: null });
      } catch (err) {
        set({ recentError: toApiError(err).body });
      }
    },
  };
});
