/**
 * Pulls the lender's feed after the stored cursor. Each package is verified, then imported with
 * the cursor advance in one transaction. A package that fails verification stops the pull with
 * nothing of it imported and the cursor left in place, so it is reported, not skipped.
 */
import { syncStateRepo } from '../../../db/repos/sync-state';
import type { AppContext } from '../context';
import type { LenderClient } from './client';
import type { Enrollment } from './identity';
import { applyPackage, type ImportOutcome } from './import/apply';
import { verifyPackage } from './import/verify';

export const FEED_CURSOR_KEY = 'feed_cursor';
const PAGE = 100;

export function feedCursor(ctx: AppContext): number {
  return Number(syncStateRepo(ctx.db).get(FEED_CURSOR_KEY) ?? '0');
}

export async function pullFeed(ctx: AppContext, client: LenderClient, enrollment: Enrollment): Promise<ImportOutcome[]> {
  const state = syncStateRepo(ctx.db);
  const imported: ImportOutcome[] = [];
  for (;;) {
    const page = await client.feed(feedCursor(ctx), PAGE);
    for (const item of page.items) {
      const pkg = verifyPackage(item, enrollment.lenderPublicKeyPem, ctx.workstationId, enrollment.lenderId);
      const outcome = ctx.db
        .transaction(() => {
          // Re-check inside the transaction: another run may have taken this item meanwhile.
          if (feedCursor(ctx) >= item.cursor) return undefined;
          const o = applyPackage(ctx, pkg, enrollment);
          state.set(FEED_CURSOR_KEY, String(item.cursor));
          return o;
        })
        .immediate();
      if (outcome) imported.push(outcome);
    }
    if (!page.more) return imported;
  }
}
