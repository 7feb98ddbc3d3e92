/**
 * GET /v1/team/reports?after=N&limit=M: accepted reports of every workstation, for supervisors'
 * workstations — only of the placements the caller was assigned, as the feed is scoped.
 */
import { z } from 'zod';
import type { SignedEnvelope } from '../../common/protocol/primitives';
import type { TeamReportsResponse } from '../../common/protocol/team';
import { HttpError, issuesOf } from '../http';
import type { LenderContext } from '../context';
import type { WorkstationRow } from '../store/types';
import { signedEnrollmentRecord } from './enrollment-record';

const Query = z.strictObject({
  after: z.coerce.number().int().min(-1).default(-1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export async function teamReports(query: URLSearchParams, ws: WorkstationRow, lc: LenderContext): Promise<TeamReportsResponse> {
  const parsed = Query.safeParse(Object.fromEntries(query));
  if (!parsed.success) throw new HttpError('BAD_REQUEST', 'bad team-reports query', { issues: issuesOf(parsed.error) });
  const { after, limit } = parsed.data;
  const rows = await lc.store.reportsAfterLeaf(ws.id, after, limit + 1);
  const page = rows.slice(0, limit);
  // Each author's enrolment record, signed once per page: the key a reader checks its reports with.
  const enrollments = new Map<string, SignedEnvelope>();
  for (const id of new Set(page.map((r) => r.workstationId))) {
    const author = await lc.store.getWorkstation(id);
    if (author) enrollments.set(id, signedEnrollmentRecord(author, lc));
  }
  const items = page.map((r) => {
    const enrollment = enrollments.get(r.workstationId);
    return {
      leafIndex: r.leafIndex,
      workstationId: r.workstationId,
      publicKeyPem: r.publicKeyPem,
      report: r.text,
      signature: r.signature,
      acceptedAt: r.acceptedAt,
      ...(enrollment ? { enrollment } : {}),
    };
  });
  return { items, next: items.at(-1)?.leafIndex ?? after, more: rows.length > limit };
}
