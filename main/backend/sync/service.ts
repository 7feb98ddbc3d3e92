/**
 * The sync service: enrollment, the background loop (push reports, pull packages, back off with
 * jitter when the lender is unreachable) and the status the UI shows. Work never waits for it:
 * everything it sends was committed locally first.
 */
import type { ReportInfoView, SyncStatus } from '../../../common/api/methods/sync';
import { AppError } from '../../../common/api/result';
import { outboxRepo } from '../../../db/repos/outbox';
import { reportsRepo } from '../../../db/repos/reports';
import { syncStateRepo } from '../../../db/repos/sync-state';
import type { AppContext } from '../context';
import type { KeyProtector } from '../crypto/protect';
import { createReport, OUTBOX_KIND_REPORT, reportInfo, type CreateReportInput } from '../reports/create';
import { OUTBOX_KIND_CHAIN } from '../record/recordChange';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { LenderRefusedError, lenderClient, type FetchLike, type LenderClient } from './client';
import { createIdentity, loadEnrollment, loadIdentity, saveEnrollment, unlockSigner, type Signer } from './identity';
import { PackageRefusedError } from './import/verify';
import { feedCursor, pullFeed } from './pull';
import { pullTeamReports, teamRefusals } from './team';
import { LOCAL_CHECK, pushPendingReports } from './push';

export interface SyncServiceOptions {
  protector: KeyProtector;
  fetch?: FetchLike;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** Pause between successful rounds of the loop. */
  intervalMs?: number;
  /** Make one report per placement per UTC day when there is something new (default true). */
  dailyReports?: boolean;
}

export interface SyncRound {
  pushed: number;
  duplicates: number;
  imported: number;
  reportsCreated: number;
}

export interface SyncService {
  enroll(input: { lenderUrl: string; code: string; name?: string }): Promise<SyncStatus>;
  status(): SyncStatus;
  /** One round now; shares a round already in flight. Never throws for network trouble: see status(). */
  syncNow(): Promise<SyncStatus>;
  createReport(input: CreateReportInput): ReportInfoView;
  listReports(placementId?: string): ReportInfoView[];
  signer(): Signer;
  start(): void;
  stop(): Promise<void>;
}

const K = { lastSuccess: 'last_success_at', lastAttempt: 'last_attempt_at', lastError: 'last_error', teamError: 'team_reports_error' } as const;

export function createSyncService(ctx: AppContext, opts: SyncServiceOptions): SyncService {
  const state = syncStateRepo(ctx.db);
  const policy = opts.backoff ?? DEFAULT_BACKOFF;
  const random = opts.random ?? Math.random;
  let signer: Signer | undefined;
  let online: boolean | null = null;
  let failures = 0;
  let inFlight: Promise<SyncStatus> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let nextAttemptAt: string | null = null;
  let running = false;
  let syncing = false;

  const now = () => ctx.clock.now();

  function getSigner(): Signer {
    if (signer) return signer;
    const identity = loadIdentity(ctx.db);
    if (!identity) throw new AppError('CONFLICT', 'this workstation has no key yet; enroll it with the lender first', undefined, { key: 'sync.notEnrolled' });
    signer = unlockSigner(identity, opts.protector);
    return signer;
  }

  function status(): SyncStatus {
    const enrollment = loadEnrollment(ctx.db);
    const counts = outboxRepo(ctx.db).pendingCounts();
    const refused = ctx.db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM outbox WHERE kind = ? AND sent_at IS NULL AND last_error IS NOT NULL')
      .get(OUTBOX_KIND_REPORT)?.n;
    return {
      enrolled: enrollment !== undefined,
      workstationId: ctx.workstationId,
      lender: enrollment ? { id: enrollment.lenderId, name: enrollment.lenderName, url: enrollment.lenderUrl } : null,
      state: !enrollment ? 'not_enrolled' : syncing ? 'syncing' : failures > 0 ? 'backoff' : 'idle',
      online,
      pending: { reports: counts[OUTBOX_KIND_REPORT] ?? 0, records: counts[OUTBOX_KIND_CHAIN] ?? 0 },
      refusedReports: refused ?? 0,
      feedCursor: feedCursor(ctx),
      lastSuccessAt: state.get(K.lastSuccess) ?? null,
      lastAttemptAt: state.get(K.lastAttempt) ?? null,
      lastError: state.get(K.lastError) ?? null,
      nextAttemptAt,
      teamReports: { lastError: state.get(K.teamError) ?? null, ...teamRefusals(ctx) },
    };
  }

  function makeDailyReports(s: Signer): number {
    const reports = reportsRepo(ctx.db);
    const dayStart = now().toISOString().slice(0, 10) + 'T00:00:00.000Z';
    let made = 0;
    for (const placementId of reports.placementsWithUnreported()) {
      const last = reports.latestForPlacement(placementId);
      if (last && last.created_at >= dayStart) continue;
      createReport(ctx, s, { placementId });
      made++;
    }
    return made;
  }

  /**
   * Other workstations' reports are extra to a round: a lender without the endpoint, or a pull that
   * fails, leaves the round's push and feed standing and is shown on its own in the status.
   */
  async function pullTeam(client: LenderClient): Promise<void> {
    try {
      await pullTeamReports(ctx, client);
      state.delete(K.teamError);
    } catch (err) {
      const why = err instanceof LenderRefusedError && err.status === 404 ? `the lender does not offer team reports (${err.message})` : (err as Error).message;
      state.set(K.teamError, why);
      ctx.log(`sync: team reports not pulled: ${why}`);
    }
  }

  async function round(): Promise<SyncStatus> {
    const enrollment = loadEnrollment(ctx.db);
    if (!enrollment) return status();
    state.set(K.lastAttempt, now().toISOString());
    syncing = true;
    try {
      const s = getSigner();
      if (opts.dailyReports ?? true) makeDailyReports(s);
      const client = lenderClient({ baseUrl: enrollment.lenderUrl, signer: s, now, ...(opts.fetch ? { fetch: opts.fetch } : {}) });
      const pushed = await pushPendingReports(ctx, client, enrollment);
      online = true;
      await pullFeed(ctx, client, enrollment);
      failures = 0;
      state.set(K.lastSuccess, now().toISOString());
      if (pushed.refused.length > 0) {
        const r = pushed.refused[0];
        state.set(
          K.lastError,
          r?.code === LOCAL_CHECK ? `report ${r.reportId} was not sent: ${r.message}` : `the lender refused report ${r?.reportId}: ${r?.code} ${r?.message}`,
        );
      } else {
        state.delete(K.lastError);
      }
      await pullTeam(client);
    } catch (err) {
      if (err instanceof PackageRefusedError || err instanceof LenderRefusedError) online = true;
      else if (!(err instanceof AppError)) online = false;
      failures++;
      state.set(K.lastError, (err as Error).message);
      ctx.log(`sync: ${(err as Error).message}`);
    } finally {
      syncing = false;
    }
    return status();
  }

  function syncNow(): Promise<SyncStatus> {
    inFlight ??= round().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  function schedule(): void {
    if (!running) return;
    const delay = failures > 0 ? backoffDelay(failures, policy, random) : (opts.intervalMs ?? 60_000);
    nextAttemptAt = new Date(now().getTime() + delay).toISOString();
    timer = setTimeout(() => {
      timer = undefined;
      void syncNow().then(schedule);
    }, delay);
    timer.unref();
  }

  return {
    async enroll(input) {
      if (loadEnrollment(ctx.db)) throw new AppError('CONFLICT', 'this workstation is already enrolled', undefined, { key: 'sync.alreadyEnrolled' });
      let identity = loadIdentity(ctx.db);
      if (!identity || identity.keyScheme !== opts.protector.scheme) {
        identity = createIdentity(ctx.db, ctx.workstationId, opts.protector, now());
        signer = undefined;
      }
      const client = lenderClient({ baseUrl: input.lenderUrl, now, ...(opts.fetch ? { fetch: opts.fetch } : {}) });
      let res;
      try {
        res = await client.enroll({ code: input.code, workstationId: ctx.workstationId, publicKeyPem: identity.publicKeyPem, name: input.name ?? '' });
      } catch (err) {
        if (err instanceof LenderRefusedError) throw new AppError('CONFLICT', `the lender refused enrollment: ${err.message}`, { code: err.code }, { key: 'sync.enrollRefused', params: { code: err.code } });
        throw new AppError('CONFLICT', `could not reach the lender to enroll: ${(err as Error).message}`, undefined, { key: 'sync.lenderUnreachable' });
      }
      saveEnrollment(ctx.db, {
        lenderUrl: input.lenderUrl,
        lenderId: res.lenderId,
        lenderName: res.lenderName,
        lenderPublicKeyPem: res.lenderPublicKeyPem,
        enrolledAt: res.enrolledAt,
      });
      return status();
    },
    status,
    syncNow,
    createReport: (input) => createReport(ctx, getSigner(), input),
    listReports: (placementId) =>
      reportsRepo(ctx.db)
        .list(placementId ?? null, 200)
        .map((r) => reportInfo(r, r.received_at)),
    signer: getSigner,
    start() {
      if (running) return;
      running = true;
      void syncNow().then(schedule);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      nextAttemptAt = null;
      await inFlight;
    },
  };
}

/** The service a host wired (wireHost, boot.ts); a CLI or test backend without one is told so. */
export function syncServiceOf(app: AppContext): SyncService {
  const s = app.services.sync;
  if (!s) throw new AppError('INTERNAL', 'sync is not set up in this host');
  return s;
}
