import { z } from 'zod';
import { method } from '../method';
import { Empty, Id, IsoInstant } from '../schemas';

/** What the UI shows about reaching the lender: online/offline, what waits, the last good sync. */
export interface SyncStatus {
  enrolled: boolean;
  workstationId: string;
  lender: { id: string; name: string; url: string } | null;
  state: 'not_enrolled' | 'idle' | 'syncing' | 'backoff';
  /** null until the first attempt of this session. */
  online: boolean | null;
  pending: { reports: number; records: number };
  /** Reports the lender refused (they stay pending; see lastError). */
  refusedReports: number;
  feedCursor: number;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  /** Other workstations' reports pulled through the lender (the supervisor's view of the team). */
  teamReports: {
    /** Why the last pull failed (e.g. a lender without the endpoint); null once one succeeds. Push and feed stand regardless. */
    lastError: string | null;
    /** Relayed reports refused here because they did not verify (nothing of them stored); the latest is named. */
    refused: number;
    lastRefused: string | null;
  };
}

export interface ReportInfoView {
  id: string;
  placementId: string;
  seq: number;
  periodFrom: string;
  periodTo: string;
  createdAt: string;
  chainHead: { seq: number; hash: string };
  records: number;
  acknowledgedAt: string | null;
}

export const EnrollInput = z.strictObject({
  lenderUrl: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL of the lender server' })
    .max(500),
  code: z.string().trim().min(6, 'an enrollment code has at least 6 characters').max(100),
  name: z.string().trim().max(200).default(''),
});

export const CreateReportInput = z
  .strictObject({ placementId: Id, from: IsoInstant.optional(), to: IsoInstant.optional() })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'the period must start before it ends', path: ['to'] });

export const sync = {
  status: method<SyncStatus>()(Empty, { description: 'Online/offline, pending reports and records, the last successful sync.' }),
  now: method<SyncStatus>()(Empty, { description: 'Push pending reports and pull from the lender now.' }),
  enroll: method<SyncStatus>()(EnrollInput, {
    roles: ['admin'],
    description: 'Create the workstation key and register it with the lender using a one-time code.',
  }),
  createReport: method<ReportInfoView>()(CreateReportInput, {
    roles: ['supervisor', 'admin'],
    description: 'Build and sign a progress report for a placement now (queued for the lender).',
  }),
  reports: method<ReportInfoView[]>()(z.strictObject({ placementId: Id.optional() }), {
    roles: ['supervisor', 'admin'],
    description: 'Recent progress reports and whether the lender acknowledged them.',
  }),
};
