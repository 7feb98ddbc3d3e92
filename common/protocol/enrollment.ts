import { z } from 'zod';
import { Instant, ProtocolId, PublicKeyPem } from './primitives';

export const EnrollRequest = z.strictObject({
  code: z.string().trim().min(6, 'an enrollment code has at least 6 characters').max(100),
  workstationId: ProtocolId,
  publicKeyPem: PublicKeyPem,
  name: z.string().max(200).default(''),
});
export type EnrollRequest = z.input<typeof EnrollRequest>;

export const EnrollResponse = z.strictObject({
  workstationId: ProtocolId,
  lenderId: ProtocolId,
  lenderName: z.string(),
  lenderPublicKeyPem: PublicKeyPem,
  enrolledAt: Instant,
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

/**
 * The lender's signed statement of which key it enrolled for a workstation (Ed25519 by the lender
 * over its canonical bytes). Relayed with every team report, so a supervisor's workstation takes a
 * colleague's key from the lender's signed word, never from whatever key came first.
 */
export const ENROLLMENT_RECORD_FORMAT = 'casedesk.enrollment/1';

export const EnrollmentRecordSchema = z.strictObject({
  format: z.literal(ENROLLMENT_RECORD_FORMAT),
  lenderId: ProtocolId,
  workstationId: ProtocolId,
  publicKeyPem: PublicKeyPem,
  enrolledAt: Instant,
});
export type EnrollmentRecord = z.infer<typeof EnrollmentRecordSchema>;
