import { z } from 'zod';
import { method } from '../method';
import { IsoInstant } from '../schemas';
import type { AuditVerifyView } from '../../domain/audit/verdict';

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  outcome: 'ok' | 'refused' | 'failed';
  details: Record<string, unknown>;
}

export const audit = {
  list: method<{ rows: AuditEntryView[]; total: number }>()(
    z.strictObject({
      from: IsoInstant.optional(),
      to: IsoInstant.optional(),
      action: z.string().trim().max(60).optional(),
      outcome: z.enum(['ok', 'refused', 'failed']).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    { roles: ['supervisor', 'admin'], description: 'The audit log, newest first (read-only; nobody can edit it).' },
  ),
  verify: method<AuditVerifyView>()(z.strictObject({}), {
    roles: ['supervisor', 'admin'],
    description:
      'Re-compute the audit hash chain and keyed hashes, check the log against the last head a lender receipted, and report the first broken entry, truncation or rewriting, and how many entries are unanchored.',
  }),
};
