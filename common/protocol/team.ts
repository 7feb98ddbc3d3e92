/**
 * GET /v1/team/reports?after=N&limit=M — the progress reports the lender accepted from every
 * workstation of the agency for the placements the caller is assigned, in Merkle-log order, each
 * with the public key that signed it. A supervisor's workstation checks every signature and every
 * report's content itself: the lender relays, it is not trusted to have checked.
 */
import { z } from 'zod';
import { SignedEnvelope } from './primitives';

export const TeamReportItem = z.strictObject({
  leafIndex: z.number().int().min(0),
  workstationId: z.string().min(1).max(100),
  publicKeyPem: z.string().min(1).max(2_000),
  report: z.string().min(2).max(64 * 1024 * 1024),
  signature: z.string().min(1).max(200),
  acceptedAt: z.string().min(1).max(40),
  /** The lender's signed enrolment record of the workstation (casedesk.enrollment/1): the key to check with. */
  enrollment: SignedEnvelope.optional(),
});

export const TeamReportsResponse = z.strictObject({
  items: z.array(TeamReportItem).max(500),
  next: z.number().int().min(-1),
  more: z.boolean(),
});
export type TeamReportsResponse = z.infer<typeof TeamReportsResponse>;
