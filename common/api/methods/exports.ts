import { z } from 'zod';
import { method } from '../method';
import { Empty, Id, Reason } from '../schemas';
import type { ExportJobView } from '../types-supervisor';
import { PeriodFields, checkPeriod } from './supervisor';

export const EXPORT_KINDS = ['activities', 'ledger', 'conduct', 'performance'] as const;
export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;

export const StartExportInput = z
  .strictObject({
    kind: z.enum(EXPORT_KINDS),
    format: z.enum(EXPORT_FORMATS),
    ...PeriodFields,
    /** Personal data is masked unless a reason is given; the reveal is audited. */
    unmask: z.strictObject({ reason: Reason }).optional(),
  })
  .superRefine(checkPeriod);

const JobRef = z.strictObject({ jobId: Id });

/** Declared as `exportJobs` (a module-level `exports` would shadow CommonJS `exports` in bundles); namespace `exports`. */
export const exportJobs = {
  start: method<{ jobId: string }>()(StartExportInput, {
    roles: ['supervisor', 'admin'],
    description: 'Start a report export (CSV, XLSX or PDF with a signed manifest) in the background; audited.',
  }),
  status: method<ExportJobView>()(JobRef, {
    roles: ['supervisor', 'admin'],
    description: 'Progress of an export: rows written of the total, and the files once done.',
  }),
  cancel: method<ExportJobView>()(JobRef, {
    roles: ['supervisor', 'admin'],
    description: 'Stop a running export; the partial file is deleted.',
  }),
  list: method<ExportJobView[]>()(Empty, {
    roles: ['supervisor', 'admin'],
    description: 'Exports started since the app started, newest first (an admin sees everyone’s).',
  }),
};
