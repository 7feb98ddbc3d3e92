/**
 * An ExportRequest as it crosses into a worker thread (exports/worker.ts, split/part-worker.ts):
 * checked whole, so that a field lost on the way is an error and never a default — a missing
 * `masked` must not mean "unmasked".
 */
import { z } from 'zod';
import { DB_CIPHERS } from '../../../db/open';
import type { ExportRequest } from './types';

const Text = z.string().min(1);

export const ExportRequestSchema = z.strictObject({
  kind: z.enum(['activities', 'ledger', 'conduct', 'performance']),
  format: z.enum(['csv', 'xlsx', 'pdf']),
  from: z.iso.date(),
  to: z.iso.date(),
  timeZone: Text,
  placementId: Text.nullable(),
  scope: z.array(Text),
  collectors: z.array(Text),
  masked: z.boolean(),
  exportedBy: z.strictObject({ id: Text, username: Text, displayName: z.string() }),
  exportedAt: z.iso.datetime(),
  workstationId: Text,
  dbFile: Text,
  dbKeyHex: z.string().regex(/^[0-9a-f]{64}$/i, 'the database key is 32 bytes of hex').optional(),
  dbCipher: z.enum(DB_CIPHERS).optional(),
  nativeBinding: Text.optional(),
  outFile: Text,
}) satisfies z.ZodType<ExportRequest>;

/** The first problem of a bad request, named by its path ("masked: expected boolean…"). */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
