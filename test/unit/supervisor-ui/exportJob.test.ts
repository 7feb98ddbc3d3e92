import { describe, expect, it } from 'vitest';
import { StartExportInput } from '../../../common/api/methods/exports';
import type { ExportJobView } from '../../../common/api/types-supervisor';
import { exportFormProblem, isFinished, jobSha256, progressPercent, startInput, type ExportForm } from '../../../renderer/features/supervisor/exportJob';
import { reasonOk } from '../../../renderer/features/supervisor/reason';

const PLACEMENT = '01890a5d-ac96-774b-bcce-b302099a8057';
const form = (over: Partial<ExportForm> = {}): ExportForm => ({
  kind: 'activities',
  format: 'csv',
  from: '2025-11-01',
  to: '2025-11-19',
  placementId: '',
  unmask: false,
  reason: '',
  ...over,
});

const job = (over: Partial<ExportJobView> = {}): ExportJobView => ({
  jobId: 'j',
  kind: 'ledger',
  format: 'pdf',
  period: { from: '2025-11-01', to: '2025-11-19' },
  placementId: null,
  masked: true,
  state: 'running',
  rows: 0,
  total: 0,
  startedAt: '2025-11-19T10:00:00.000Z',
  finishedAt: null,
  ...over,
});

describe('export form', () => {
  it('needs a reason of 5+ characters only when unmasking', () => {
    expect(exportFormProblem(form())).toBeNull();
    expect(exportFormProblem(form({ unmask: true, reason: ' abc ' }))).toBe('reason');
    expect(exportFormProblem(form({ unmask: true, reason: 'court order 17' }))).toBeNull();
    expect(reasonOk('    x    ')).toBe(false);
    expect(reasonOk('x'.repeat(501))).toBe(false);
  });

  it('reports a bad period before a missing reason', () => {
    expect(exportFormProblem(form({ from: '2025-12-01', unmask: true }))).toBe('order');
  });

  it('builds an input the contract accepts: no placement for all, no unmask unless ticked', () => {
    const masked = startInput(form({ reason: 'typed then unticked' }));
    expect(masked).toEqual({ kind: 'activities', format: 'csv', from: '2025-11-01', to: '2025-11-19' });
    expect(StartExportInput.safeParse(masked).success).toBe(true);
    const unmasked = startInput(form({ unmask: true, reason: '  lender audit  ', placementId: PLACEMENT, format: 'xlsx', kind: 'conduct' }));
    expect(unmasked.unmask).toEqual({ reason: 'lender audit' });
    expect(StartExportInput.safeParse(unmasked).success).toBe(true);
  });
});

describe('export progress', () => {
  it('is a whole percentage, 100 when done even with no rows', () => {
    expect(progressPercent(job({ rows: 0, total: 0 }))).toBe(0);
    expect(progressPercent(job({ rows: 1, total: 3 }))).toBe(33);
    expect(progressPercent(job({ rows: 5, total: 3 }))).toBe(100);
    expect(progressPercent(job({ state: 'done', rows: 0, total: 0 }))).toBe(100);
  });

  it('knows when a job has finished', () => {
    expect(isFinished('running')).toBe(false);
    for (const s of ['done', 'failed', 'cancelled'] as const) expect(isFinished(s)).toBe(true);
  });

  it('shows a SHA-256 only when the status carries a real one', () => {
    expect(jobSha256(job())).toBeNull();
    const sha = 'a'.repeat(64);
    expect(jobSha256({ ...job(), sha256: sha } as ExportJobView)).toBe(sha);
    expect(jobSha256({ ...job(), sha256: 'nope' } as ExportJobView)).toBeNull();
  });
});
