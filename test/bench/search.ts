/**
 * search: a borrower's full name typed into the queue's search box (the product's search path:
 * dispatch → the FTS5 match joined into the prioritised, filtered queue page and its total).
 * Bare: the same FTS5 MATCH expression on the same index, first 100 hits.
 */
import { toMatchQuery } from '../../common/domain/search/fts';
import { stmt } from '../../db/repos/statements';
import { ok, toUnit, type BenchContext, type Figure } from './context';
import { DEFAULT_QUEUE_INPUT } from './queue';
import { measure } from './measure';

/** A real borrower's name: a mainland case's, the product's main market (CJK is indexed per character). */
function pickName(ctx: BenchContext): string {
  const row = stmt(
    ctx.backend.app.db,
    `SELECT b.full_name FROM cases c JOIN borrowers b ON b.id = c.borrower_id JOIN placements p ON p.id = c.placement_id
     WHERE p.preset = 'cn' ORDER BY c.reference LIMIT 1 OFFSET 17`,
  ).get() as { full_name: string } | undefined;
  if (!row) throw new Error('search: no mainland borrower in the seeded database');
  return row.full_name;
}

export async function benchSearch(ctx: BenchContext): Promise<Figure & { hits: number }> {
  const { backend } = ctx;
  const name = pickName(ctx);
  const match = toMatchQuery(name);
  if (match === null) throw new Error(`search: "${name}" gives no FTS query`);
  const input = { ...DEFAULT_QUEUE_INPUT, search: name };
  const page = await ok<{ rows: unknown[]; total: number }>(backend.dispatch('cases.queue', input), 'cases.queue search');
  if (page.rows.length === 0) throw new Error(`search: "${name}" found nothing through the queue`);
  const ours = await measure('search', () => ok(backend.dispatch('cases.queue', input), 'cases.queue search'), { ...ctx.sizes.quick, async: true });
  const bareStmt = stmt(backend.app.db, 'SELECT case_id FROM case_search WHERE case_search MATCH ? LIMIT 100');
  const bare = await measure('search (bare)', () => bareStmt.all(match), ctx.sizes.quick);
  return { ...toUnit(ours, 'ms'), unit: 'ms', ratio: ours.median / bare.median, bare: toUnit(bare, 'ms'), samples: ours.samples, hits: page.total };
}
