/**
 * Data minimisation: personal data of closed and recalled cases is purged once their retention
 * period has passed — the later of the placement's retention_days and the rule set's records
 * period (CN-RECORDS, US-RECORDS) from the last activity. A borrower is the unit: their personal
 * data, contact points and every case's free text go together, once none of their cases is open or
 * still retained. What stays is the non-personal record (amounts, dates, outcomes, decisions) and
 * its signed chain; a `purge` chain record per case attests the deletion to the lender.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { canPurgeBorrower, latestInstant, purgeDueAt, type Policy } from '../../../common/domain/guardrails';
import { newId } from '../../../common/ids';
import { privacyRepo, type RetentionCase } from '../../../db/repos/privacy';
import { appendAudit } from '../audit/audit';
import type { AppContext } from '../context';
import { policyFor } from '../guardrails/policies';
import { recordChange } from '../record/recordChange';

/** Borrowers purged per transaction: few commits (one fsync each) without one long write lock. */
export const PURGE_BATCH_BORROWERS = 200;

function caseDueAt(c: RetentionCase): string | null {
  let policy: Policy;
  try {
    policy = policyFor({ id: c.placement_id, preset: c.preset, policy_json: c.policy_json, policy_version: c.policy_version });
  } catch {
    // Without the rules in force the records period is unknown: keep the data.
    return null;
  }
  const lastActivityAt = latestInstant([c.updated_at, c.recalled_at, c.last_activity_at]);
  if (lastActivityAt === null) return null;
  return purgeDueAt(policy, { lastActivityAt, lenderRetentionFrom: c.recalled_at ?? c.updated_at, lenderRetentionDays: c.retention_days });
}

function purgeableNow(cases: RetentionCase[], now: Date): boolean {
  if (cases.some((c) => c.borrower_purged_at !== null)) return false;
  const retention = cases.map((c) => ({ open: c.status !== 'closed' && c.status !== 'recalled', purgeDueAt: caseDueAt(c) }));
  return canPurgeBorrower(retention, now);
}

/**
 * One transaction for a batch of borrowers. Each is decided inside it from their cases as they are
 * now, so a case opened or touched since the candidates were listed stops that borrower's purge.
 */
function purgeBatch(app: AppContext, borrowerIds: readonly string[], now: Date, actorId: string | null): string[] {
  const at = now.toISOString();
  return app.db.transaction(() => {
    const purged: string[] = [];
    for (const borrowerId of borrowerIds) {
      const cases = privacyRepo.borrowerCases(app.db, borrowerId);
      if (!purgeableNow(cases, now)) continue;
      privacyRepo.purgeBorrower(app.db, borrowerId, at);
      for (const c of cases) {
        // The purge record first: the activities guard lets text be blanked only while the chain's
        // latest record is this case's purge (db/migrations/append-only.ts).
        recordChange(app, { type: 'purge', id: newId(), caseId: c.case_id, placementId: c.placement_id, at, body: { reference: c.reference, scope: ['borrower', 'contact_points', 'free_text'] } });
        privacyRepo.purgeCaseText(app.db, c.case_id);
        appendAudit(app.db, at, { actorId, action: 'privacy.purge', objectType: 'case', objectId: c.case_id, outcome: 'ok', details: { reference: c.reference } });
        purged.push(c.case_id);
      }
    }
    return purged;
  })();
}

/** The purge as a series of batches, each committed when the iterator is advanced. */
function* purgeBatches(app: AppContext, actorId: string | null): Generator<string[]> {
  const now = app.clock.now();
  const candidates = privacyRepo.lenderExpiredBorrowers(app.db, now.toISOString());
  for (let i = 0; i < candidates.length; i += PURGE_BATCH_BORROWERS) {
    yield purgeBatch(app, candidates.slice(i, i + PURGE_BATCH_BORROWERS), now, actorId);
  }
}

/** The whole purge at once (an administrator asked for it). */
export function purgeExpired(app: AppContext, actorId: string | null): { purged: string[] } {
  const purged: string[] = [];
  for (const batch of purgeBatches(app, actorId)) purged.push(...batch);
  return { purged };
}

/**
 * The purge as background work: one batch per turn of the event loop, so requests are served in
 * between. Stops before the next batch once `stopped()` says so (the database is about to close).
 */
export async function purgeExpiredInBackground(app: AppContext, actorId: string | null, stopped: () => boolean): Promise<{ purged: string[] }> {
  const purged: string[] = [];
  const batches = purgeBatches(app, actorId);
  while (!stopped()) {
    const step = batches.next();
    if (step.done) break;
    purged.push(...step.value);
    await nextTurn();
  }
  return { purged };
}
