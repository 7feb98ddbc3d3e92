/** GET /v1/feed?after=N&limit=M: the caller's signed packages after cursor N. */
import { z } from 'zod';
import type { FeedResponse } from '../../common/protocol/feed';
import { HttpError, issuesOf } from '../http';
import type { LenderContext } from '../context';
import type { WorkstationRow } from '../store/types';

const Query = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export async function feed(query: URLSearchParams, ws: WorkstationRow, lc: LenderContext): Promise<FeedResponse> {
  const parsed = Query.safeParse(Object.fromEntries(query));
  if (!parsed.success) throw new HttpError('BAD_REQUEST', 'bad feed query', { issues: issuesOf(parsed.error) });
  const { after, limit } = parsed.data;
  const rows = await lc.store.feedSince(ws.id, after, limit + 1);
  const items = rows.slice(0, limit).map((r) => ({ cursor: r.cursor, kind: r.kind, envelope: { payload: r.payload, signature: r.signature } }));
  return { items, next: items.at(-1)?.cursor ?? after, more: rows.length > limit };
}
