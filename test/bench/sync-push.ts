/**
 * sync_push: 10,000 recorded contacts pushed to the reference lender on 127.0.0.1 as one signed
 * progress report, end to end through one sync round: HTTP, the lender's checks (signature, every
 * chain link, continuity, forks), its Merkle log and signed receipt, our receipt verification and
 * the outbox marking, then the feed pull. The report is built beforehand (that is report_sign).
 * Its own workstation database, enrolled with a real lender server started in this process; the
 * records belong to the placement the lender assigned to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createAppContext } from '../../main/backend';
import { createSyncService } from '../../main/backend/sync/service';
import { startLenderServer } from '../../lender/app';
import { assignmentDraft, insertCollector, testProtector } from '../integration/sync/fixtures';
import { appendContacts, type FillTarget } from './chain-fill';
import { freshConnectionFetch } from './fresh-fetch';
import { toUnit, type BenchContext, type Figure } from './context';
import { measure } from './measure';

export async function benchSyncPush(ctx: BenchContext): Promise<Figure & { records: number }> {
  const dir = path.join(ctx.scratch, 'sync');
  fs.mkdirSync(dir, { recursive: true });
  const lender = await startLenderServer({ port: 0, host: '127.0.0.1', dbFile: path.join(dir, 'lender.sqlite'), lender: { code: 'BENCH', name: 'Bench Lender' } });
  const app = createAppContext({ dataDir: path.join(dir, 'workstation'), host: 'test', now: () => new Date() });
  const sync = createSyncService(app, { protector: testProtector(), dailyReports: false, fetch: freshConnectionFetch });
  try {
    await sync.enroll({ lenderUrl: lender.url, code: await lender.issueEnrollmentCode(), name: 'bench desk' });
    const assignment = assignmentDraft(app.workstationId, 50);
    await lender.publishAssignment(assignment.draft);
    const first = await sync.syncNow();
    if (first.lastError) throw new Error(`sync_push: importing the assignment failed: ${first.lastError}`);
    const target: FillTarget = { placementId: assignment.placementId, caseIds: assignment.caseIds, collectorId: insertCollector(app.db) };
    const n = ctx.sizes.pushRecords;
    const ours = await measure(
      'sync_push',
      async () => {
        const status = await sync.syncNow();
        if (status.lastError || status.pending.reports > 0 || status.pending.records > 0) {
          throw new Error(`sync_push: the push did not complete: ${status.lastError ?? JSON.stringify(status.pending)}`);
        }
      },
      {
        ...ctx.sizes.heavy,
        async: true,
        beforeEach: () => {
          appendContacts(app, target, n);
          const report = sync.createReport({ placementId: target.placementId });
          if (report.records !== n) throw new Error(`sync_push: the report carries ${report.records} records, expected ${n}`);
        },
      },
    );
    const accepted = await lender.store.reportCount();
    if (accepted < ctx.sizes.heavy.iterations) throw new Error(`sync_push: the lender holds ${accepted} reports, expected at least ${ctx.sizes.heavy.iterations}`);
    return { ...toUnit(ours, 'ms'), unit: 'ms', per_s: n / (ours.median / 1000), samples: ours.samples, records: n };
  } finally {
    await sync.stop();
    app.db.close();
    await lender.close();
  }
}
