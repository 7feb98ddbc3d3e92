/**
 * Pushes pending reports in the order they were made. A report is marked sent only with a
 * verified receipt whose log extends the last one seen (log-head.ts), in one transaction, so a crash anywhere means "push again", and the lender
 * acknowledges a repeat instead of storing it twice.
 */
import { outboxRepo } from '../../../db/repos/outbox';
import { reportsRepo } from '../../../db/repos/reports';
import type { AppContext } from '../context';
import { headOfReport, OUTBOX_KIND_REPORT } from '../reports/create';
import { ReportTextError, verifiedReportText } from '../reports/text';
import { LenderRefusedError, type LenderClient } from './client';
import type { Enrollment } from './identity';
import { checkLogGrows, saveTreeHead } from './log-head';
import { verifyReceipt } from './receipt';

/** The code of a report this workstation itself would not send (its text fails its signature). */
export const LOCAL_CHECK = 'LOCAL_CHECK';

export interface PushOutcome {
  accepted: number;
  duplicates: number;
  refused: { reportId: string; code: string; message: string }[];
}

export async function pushPendingReports(ctx: AppContext, client: LenderClient, enrollment: Enrollment): Promise<PushOutcome> {
  const outbox = outboxRepo(ctx.db);
  const reports = reportsRepo(ctx.db);
  const out: PushOutcome = { accepted: 0, duplicates: 0, refused: [] };
  // After a refusal, later reports of that placement would only be refused as gaps.
  const blocked = new Set<string>();
  for (const row of outbox.pendingOfKind(OUTBOX_KIND_REPORT)) {
    const report = reports.byId(row.ref_id);
    if (!report) {
      outbox.markFailed(row.id, `report ${row.ref_id} is missing from this database`);
      continue;
    }
    if (blocked.has(report.placement_id)) continue;
    let text: string;
    try {
      text = verifiedReportText(ctx.db, report);
    } catch (err) {
      if (!(err instanceof ReportTextError)) throw err;
      // Sending it would only be refused by the lender, less clearly; later reports would be gaps.
      outbox.markFailed(row.id, err.message);
      out.refused.push({ reportId: report.id, code: LOCAL_CHECK, message: err.message });
      blocked.add(report.placement_id);
      continue;
    }
    let answer;
    try {
      answer = await client.pushReport({ report: text, signature: report.signature_b64 });
    } catch (err) {
      if (err instanceof LenderRefusedError) {
        outbox.markFailed(row.id, `${err.code}: ${err.message}`);
        out.refused.push({ reportId: report.id, code: err.code, message: err.message });
        blocked.add(report.placement_id);
        continue;
      }
      outbox.markFailed(row.id, (err as Error).message);
      throw err;
    }
    const receipt = verifyReceipt(answer.receipt, enrollment.lenderPublicKeyPem, text, report.id);
    const treeHead = await checkLogGrows(ctx.db, client, { treeSize: receipt.treeSize, rootHash: receipt.rootHash });
    const now = ctx.clock.now().toISOString();
    ctx.db
      .transaction(() => {
        reports.insertReceipt({ report_id: report.id, received_at: now, receipt_json: JSON.stringify({ ...answer.receipt, leafIndex: receipt.leafIndex }) });
        outbox.markSent(row.id, now);
        outbox.markChainReported(report.placement_id, headOfReport(report).seq, now);
        saveTreeHead(ctx.db, treeHead);
      })
      .immediate();
    if (answer.status === 'accepted') out.accepted++;
    else out.duplicates++;
  }
  return out;
}
