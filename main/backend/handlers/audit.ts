import type { AuditEntryView } from '../../../common/api/methods/audit';
import { auditRepo } from '../../../db/repos/audit';
import { usersRepo } from '../../../db/repos/users';
import { verifyAuditAnchored } from '../audit/anchor';
import type { NamespaceHandlers } from './types';

export const auditHandlers: NamespaceHandlers<'audit'> = {
  list: (input, ctx) => {
    const page = auditRepo.page(ctx.app.db, input);
    const names = new Map(usersRepo.all(ctx.app.db).map((u) => [u.id, u.username]));
    const rows: AuditEntryView[] = page.rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor_id ? (names.get(r.actor_id) ?? r.actor_id) : null,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      outcome: r.outcome,
      details: JSON.parse(r.details_json) as Record<string, unknown>,
    }));
    return { rows, total: page.total };
  },
  // Streams the log in chunks and yields between them (audit/audit.ts): flat memory, and other
  // requests keep being answered while a million rows are hashed. Then the keyed hashes and the
  // last receipted head (audit/anchor.ts).
  verify: (_input, ctx) => verifyAuditAnchored(ctx.app.db),
};
