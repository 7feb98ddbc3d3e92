/**
 * queue: the default prioritised page as the renderer asks for it (first 100 rows; the supervisor's
 * team, active statuses; sorted lawful-now first, then by priority), through dispatch — schema
 * parse, role check, the query, the total, masking. Bare: the same columns of 100 rows of the same
 * tables with no filter and no order.
 */
import { stmt } from '../../db/repos/statements';
import { ok, toUnit, type BenchContext, type Figure } from './context';
import { measure } from './measure';

export const DEFAULT_QUEUE_INPUT = { offset: 0, limit: 100, sort: 'priority', filters: {} } as const;

const BARE_SQL = `SELECT c.id, c.reference, b.full_name, p.code AS placement_code, p.preset, c.status, c.currency,
    c.balance_minor, c.dpd, c.priority, c.next_action_at, c.next_contact_at, c.promise_due, c.last_contact_at,
    c.flag_dispute, c.flag_cease, c.flag_complaint, c.flag_hardship, c.flag_attorney, c.flag_bankrupt,
    c.flag_deceased, c.recalled_at, b.vulnerabilities_json
  FROM cases c JOIN borrowers b ON b.id = c.borrower_id JOIN placements p ON p.id = c.placement_id
  LIMIT 100`;

export async function benchQueue(ctx: BenchContext): Promise<Figure> {
  const { backend } = ctx;
  const first = await ok<{ rows: unknown[] }>(backend.dispatch('cases.queue', DEFAULT_QUEUE_INPUT), 'cases.queue');
  if (first.rows.length === 0) throw new Error('queue: the default page is empty; the seed did not produce a queue');
  const ours = await measure('queue', () => ok(backend.dispatch('cases.queue', DEFAULT_QUEUE_INPUT), 'cases.queue'), { ...ctx.sizes.quick, async: true });
  const bareStmt = stmt(backend.app.db, BARE_SQL);
  const bare = await measure('queue (bare)', () => bareStmt.all(), ctx.sizes.quick);
  return { ...toUnit(ours, 'ms'), unit: 'ms', ratio: ours.median / bare.median, bare: toUnit(bare, 'ms'), samples: ours.samples };
}
