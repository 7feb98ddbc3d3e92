/**
 * GET /v1/team/reports?after=N&limit=M: accepted reports of every workstation, for supervisors'
 * workstations — only of the placements the caller was assigned, as the feed is scoped.
 */
import { z } from 'zod';
import type { TeamReportsResponse } from '../../common/protocol/team';
import { HttpError, issuesOf } from '../http';
import type { LenderContext } from '../context';
import type { WorkstationRow } from '../store/types';

const Query = z.strictObject({
  after: z.coerce.number().int().min(-1).default(-1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export async function teamReports(query: URLSearchParams, ws: WorkstationRow, lc: LenderContext): Promise<TeamReportsResponse> {
  const parsed = Query.safeParse(Object.fromEntries(query));
  if (!parsed.success) throw new HttpError('BAD_REQUEST', 'bad team-reports query', { issues: issuesOf(parsed.error) });
  const { after, limit } = parsed.data;
  const rows = await lc.store.reportsAfterLeaf(ws.id, after, limit + 1);
  const items = rows.slice(0, limit).map((r) => ({
    leafIndex: r.leafIndex,
    workstationId: r.workstationId,
    publicKeyPem: r.publicKeyPem,
    report: r.text,
    signature: r.signature,
    acceptedAt: r.acceptedAt,
  }));
  return { items, next: items.at(-1)?.leafIndex ?? after, more: rows.length > limit };
}
