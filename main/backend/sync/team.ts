/**
 * Pulls the team's progress reports through the lender and keeps those that verify here: the
 * report names the workstation it is relayed as, the key is the one the lender's signed enrolment
 * record names for that workstation (and the one its earlier stored reports were signed with),
 * the Ed25519 signature holds over the exact text, the text is in canonical form, its
 * chain links are unbroken and its summary figures match its records. The lender relays; it is not
 * trusted to have checked (nor to hand over the right key). A report that fails is skipped, counted
 * and the latest named in the sync status (`teamRefusals`); the cursor moves past it (it can never
 * become valid), and nothing of it is stored.
 */
import type { KeyObject } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { parseReportText, checkReportContent } from '../../../common/domain/report/check';
import type { TeamReportsResponse } from '../../../common/protocol/team';
import type { Db } from '../../../db/open';
import { teamReportsRepo } from '../../../db/repos/team-reports';
import type { AppContext } from '../context';
import { sha256 } from '../crypto/hash';
import { publicKeyFromPem, publicKeyPem, verifyBytes } from '../crypto/ed25519';
import { syncStateRepo } from '../../../db/repos/sync-state';
import type { LenderClient } from './client';
import { enrolledKey } from './enrolled-key';
import { checkLogGrows, lastTreeHead, type TreeHead } from './log-head';
import { loadEnrollment, type Enrollment } from './identity';

const CURSOR = 'team_reports_cursor';
const REFUSED = 'team_reports_refused';
const LAST_REFUSED = 'team_reports_last_refused';
const PAGE = 50;

export interface TeamRefusal {
  leafIndex: number;
  workstationId: string;
  why: string;
}

export interface TeamPullResult {
  stored: number;
  refused: TeamRefusal[];
}

type Item = TeamReportsResponse['items'][number];
type Verified = Extract<ReturnType<typeof parseReportText>, { ok: true }>['report'];
type Outcome = { item: Item; report: Verified; key: string } | { refusal: TeamRefusal };

const teamCursor = (db: Db): number => Number(syncStateRepo(db).get(CURSOR) ?? '-1');

const named = (r: TeamRefusal) => `workstation ${r.workstationId}, lender log index ${r.leafIndex}: ${r.why}`;

/** Relayed reports refused here so far (none of them stored), and the latest one named. */
export function teamRefusals(ctx: AppContext): { refused: number; lastRefused: string | null } {
  const state = syncStateRepo(ctx.db);
  return { refused: Number(state.get(REFUSED) ?? '0'), lastRefused: state.get(LAST_REFUSED) ?? null };
}

export async function pullTeamReports(ctx: AppContext, client: LenderClient): Promise<TeamPullResult> {
  const state = syncStateRepo(ctx.db);
  const result: TeamPullResult = { stored: 0, refused: [] };
  const lender = loadEnrollment(ctx.db);
  if (!lender) return result;
  for (;;) {
    const after = teamCursor(ctx.db);
    const page = await client.teamReports(after, PAGE);
    // Verify outside the transaction and yield between reports: a page can be large, and this
    // thread also answers the UI. Only the writes below hold the database.
    const pinned = new Map<string, KeyObject>();
    const outcomes: Outcome[] = [];
    for (const item of page.items) {
      if (item.workstationId === ctx.workstationId) continue; // our own: we have the records
      const verdict = verifyItem(ctx.db, item, pinned, lender);
      if (typeof verdict === 'string') outcomes.push({ refusal: { leafIndex: item.leafIndex, workstationId: item.workstationId, why: verdict } });
      else outcomes.push({ item, ...verdict });
      await yieldToEventLoop();
    }
    await compareLogHeads(ctx.db, client, outcomes);
    const at = ctx.clock.now().toISOString();
    const refusedHere = outcomes.flatMap((o) => ('refusal' in o ? [o.refusal] : []));
    const committed = ctx.db
      .transaction(() => {
        // Another run on this file may have taken this page meanwhile (and pinned keys from it).
        if (teamCursor(ctx.db) !== after) return false;
        for (const o of outcomes) {
          if ('refusal' in o) continue;
          const { item, report, key } = o;
          teamReportsRepo.insert(ctx.db, {
            id: report.id,
            leaf_index: item.leafIndex,
            workstation_id: report.workstationId,
            placement_id: report.placementId,
            seq: report.seq,
            period_from: report.period.from,
            period_to: report.period.to,
            created_at: report.createdAt,
            accepted_at: item.acceptedAt,
            summary_json: JSON.stringify(report.summary),
            public_key_pem: key,
            verified_at: at,
          });
        }
        const last = refusedHere.at(-1);
        if (last) {
          state.set(REFUSED, String(teamRefusals(ctx).refused + refusedHere.length));
          state.set(LAST_REFUSED, named(last));
        }
        state.set(CURSOR, String(page.next));
        return true;
      })
      .immediate();
    if (committed) {
      result.stored += outcomes.length - refusedHere.length;
      result.refused.push(...refusedHere);
      for (const r of refusedHere) ctx.log(`team report refused: ${named(r)}`);
    }
    if (!page.more) return result;
  }
}

/**
 * One log for everyone: each colleague's report names the largest lender log head its workstation
 * had seen; ours and each of theirs must be one a prefix of the other (a consistency proof from the
 * lender). A lender showing workstations different logs cannot prove that: LogInconsistentError,
 * which fails the team pull and is shown in the sync status. Ours is not replaced by theirs (theirs
 * is a colleague's word, ours the lender's signature).
 */
async function compareLogHeads(db: Db, client: LenderClient, outcomes: readonly Outcome[]): Promise<void> {
  if (!lastTreeHead(db)) return;
  const heads = new Map<string, TreeHead>();
  for (const o of outcomes) if ('report' in o && o.report.logHead) heads.set(`${o.report.logHead.treeSize}:${o.report.logHead.rootHash}`, o.report.logHead);
  for (const head of heads.values()) await checkLogGrows(db, client, head);
}

/**
 * The report and the (enrolled) key it verified with, or why it is refused. `pinned` holds keys
 * accepted earlier in this page (not yet stored); otherwise the key of the workstation's first
 * stored report: the lender's enrolment record may not name another key later.
 */
function verifyItem(db: Db, item: Item, pinned: Map<string, KeyObject>, lender: Enrollment): { report: Verified; key: string } | string {
  const key = enrolledKey(item.enrollment, item.workstationId, lender);
  if (typeof key === 'string') return key;
  if (!verifyBytes(Buffer.from(item.report, 'utf8'), Buffer.from(item.signature, 'base64'), key)) {
    return `the signature does not verify with the key the lender enrolled for workstation ${item.workstationId}`;
  }
  const parsed = parseReportText(item.report);
  if (!parsed.ok) return parsed.problem.message;
  const report = parsed.report;
  if (report.workstationId !== item.workstationId) {
    return `relayed as workstation ${item.workstationId}, but the report names workstation ${report.workstationId}`;
  }
  const storedPem = teamReportsRepo.keyOf(db, report.workstationId);
  const first = pinned.get(report.workstationId) ?? (storedPem === undefined ? undefined : publicKeyFromPem(storedPem));
  // The lender's signed word changed: a lender swapping keys could sign reports in a workstation's name.
  if (first && !first.equals(key)) return `the lender's enrolment record names another key for workstation ${report.workstationId} than its earlier reports were signed with`;
  const content = checkReportContent(report, sha256);
  if (!content.ok) return content.problem.message;
  if (!first) pinned.set(report.workstationId, key);
  return { report, key: publicKeyPem(key) };
}
