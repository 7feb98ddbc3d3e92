/**
 * log_contact: one unanswered call logged through the service — dispatch, validation, guardrail
 * evaluation, the activity, the decision, two chain links, audit, outbox and the case's derived
 * fields, one transaction with synchronous=FULL. Each call goes to the next case of a pool of
 * lawfully contactable mainland cases (11:00 Shanghai on a working day), so no repetition is
 * refused by a frequency cap. Bare: one prepared INSERT into the same activities table in its own
 * transaction.
 */
import { newId } from '../../common/ids';
import { stmt } from '../../db/repos/statements';
import { ok, toUnit, type BenchContext, type Figure } from './context';
import { measure } from './measure';

const COLLECTOR = 'zhang.wei';

interface PoolCase {
  case_id: string;
  mobile_id: string;
}

function contactablePool(ctx: BenchContext): PoolCase[] {
  const now = ctx.clock.now().toISOString();
  return stmt(
    ctx.backend.app.db,
    `SELECT c.id AS case_id, cp.id AS mobile_id
     FROM cases c JOIN users u ON u.id = c.assignee_id JOIN placements p ON p.id = c.placement_id
       JOIN contact_points cp ON cp.borrower_id = c.borrower_id AND cp.kind = 'mobile' AND cp.party = 'borrower'
     WHERE u.username = ? AND p.preset = 'cn' AND c.status = 'open' AND c.next_contact_at IS NOT NULL AND c.next_contact_at <= ?
       AND c.flag_dispute = 0 AND c.flag_cease = 0 AND c.flag_complaint = 0 AND c.flag_hardship = 0
     ORDER BY c.reference`,
  ).all(COLLECTOR, now) as PoolCase[];
}

export async function benchLogContact(ctx: BenchContext): Promise<Figure> {
  const pool = contactablePool(ctx);
  const needed = ctx.sizes.quick.iterations + ctx.sizes.quick.warmupIterations;
  if (pool.length < needed) throw new Error(`log_contact: only ${pool.length} lawfully contactable cases for ${COLLECTOR}, need at least ${needed}`);
  const collector = ctx.backend.asUser(COLLECTOR);
  let next = 0;
  const logOne = () => {
    const target = pool[next++ % pool.length] as PoolCase;
    return ok(
      collector.dispatch('contacts.log', {
        caseId: target.case_id,
        channel: 'call',
        contactPointId: target.mobile_id,
        result: 'no_answer',
        outcome: 'no_answer',
      }),
      'contacts.log',
    );
  };
  const ours = await measure('log_contact', logOne, { ...ctx.sizes.quick, async: true });
  if (next > pool.length) ctx.log(`log_contact: the pool of ${pool.length} cases was reused (${next} calls); none was refused`);

  const { db } = ctx.backend.app;
  const collectorId = (stmt(db, 'SELECT id FROM users WHERE username = ?').get(COLLECTOR) as { id: string }).id;
  const insert = db.prepare(
    `INSERT INTO activities (id, case_id, at, channel, direction, party, contact_point_id, debts_json, result, outcome,
       text, disclosure_confirmed, identity_verified, collectors, collector_id, decision_id, source, created_at)
     VALUES (?, ?, ?, 'call', 'outbound', 'borrower', ?, '[]', 'no_answer', 'no_answer', NULL, 0, 0, 1, ?, NULL, 'local', ?)`,
  );
  const at = ctx.clock.now().toISOString();
  // A fixed prefix and a counter: the bare insert should time SQLite, not an id generator.
  const prefix = newId();
  let k = 0;
  const insertOne = db.transaction(() => {
    const target = pool[k % pool.length] as PoolCase;
    insert.run(`${prefix}-${k++}`, target.case_id, at, target.mobile_id, collectorId, at);
  });
  const bare = await measure('log_contact (bare insert)', () => insertOne(), ctx.sizes.quick);
  return { ...toUnit(ours, 'µs'), unit: 'µs', ratio: ours.median / bare.median, bare: toUnit(bare, 'µs'), samples: ours.samples };
}
