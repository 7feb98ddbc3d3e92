/**
 * Pulls the team's progress reports through the lender and keeps those that verify here: the
 * Ed25519 signature over the exact text, the text in canonical form, its chain links unbroken and
 * its summary figures matching its records. The lender relays; it is not trusted to have checked.
 * A report that fails is skipped and named in the sync status; the cursor moves past it (it can
 * never become valid), and nothing of it is stored.
 */
import { parseReportText, checkReportContent } from '../../../common/domain/report/check';
import { teamReportsRepo } from '../../../db/repos/team-reports';
import type { AppContext } from '../context';
import { sha256 } from '../crypto/hash';
import { publicKeyFromPem, verifyBytes } from '../crypto/ed25519';
import { syncStateRepo } from '../../../db/repos/sync-state';
import type { LenderClient } from './client';

const CURSOR = 'team_reports_cursor';
const PAGE = 50;

export interface TeamPullResult {
  stored: number;
  refused: { leafIndex: number; workstationId: string; why: string }[];
}

export async function pullTeamReports(ctx: AppContext, client: LenderClient): Promise<TeamPullResult> {
  const state = syncStateRepo(ctx.db);
  const result: TeamPullResult = { stored: 0, refused: [] };
  for (;;) {
    const after = Number(state.get(CURSOR) ?? '-1');
    const page = await client.teamReports(after, PAGE);
    const at = ctx.clock.now().toISOString();
    ctx.db.transaction(() => {
      for (const item of page.items) {
        if (item.workstationId === ctx.workstationId) continue; // our own: we have the records
        const why = verifyItem(item.report, item.signature, item.publicKeyPem);
        if (typeof why === 'string') {
          result.refused.push({ leafIndex: item.leafIndex, workstationId: item.workstationId, why });
          continue;
        }
        teamReportsRepo.insert(ctx.db, {
          id: why.id,
          leaf_index: item.leafIndex,
          workstation_id: why.workstationId,
          placement_id: why.placementId,
          seq: why.seq,
          period_from: why.period.from,
          period_to: why.period.to,
          created_at: why.createdAt,
          accepted_at: item.acceptedAt,
          summary_json: JSON.stringify(why.summary),
          public_key_pem: item.publicKeyPem,
          verified_at: at,
        });
        result.stored++;
      }
      state.set(CURSOR, String(page.next));
    })();
    if (!page.more) return result;
  }
}

type Verified = Extract<ReturnType<typeof parseReportText>, { ok: true }>['report'];

function verifyItem(text: string, signatureB64: string, publicKeyPem: string): Verified | string {
  let key;
  try {
    key = publicKeyFromPem(publicKeyPem);
  } catch (err) {
    return `unusable public key: ${(err as Error).message}`;
  }
  if (!verifyBytes(Buffer.from(text, 'utf8'), Buffer.from(signatureB64, 'base64'), key)) return 'the signature does not verify';
  const parsed = parseReportText(text);
  if (!parsed.ok) return parsed.problem.message;
  const content = checkReportContent(parsed.report, sha256);
  if (!content.ok) return content.problem.message;
  return parsed.report;
}
