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
