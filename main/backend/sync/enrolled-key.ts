/**
 * A colleague workstation's key, as the lender's signed enrolment record names it. The record must
 * be signed by the lender this workstation enrolled with (its key pinned at our own enrolment),
 * from that lender, and for the workstation the report is relayed as; the key relayed beside it
 * is never used.
 */
import type { KeyObject } from 'node:crypto';
import { utf8 } from '../../../common/domain/chain/canonical';
import { EnrollmentRecordSchema } from '../../../common/protocol/enrollment';
import type { SignedEnvelope } from '../../../common/protocol/primitives';
import { publicKeyFromPem, verifyBytes } from '../crypto/ed25519';
import type { Enrollment } from './identity';

/** The key, or why there is none to trust. */
export function enrolledKey(envelope: SignedEnvelope | undefined, workstationId: string, lender: Pick<Enrollment, 'lenderId' | 'lenderPublicKeyPem'>): KeyObject | string {
  if (!envelope) return `the lender sent no signed enrolment record for workstation ${workstationId}, so its key cannot be known`;
  if (!verifyBytes(utf8(envelope.payload), Buffer.from(envelope.signature, 'base64'), publicKeyFromPem(lender.lenderPublicKeyPem))) {
    return `the enrolment record of workstation ${workstationId} is not signed by the lender this workstation enrolled with`;
  }
  let parsed;
  try {
    parsed = EnrollmentRecordSchema.safeParse(JSON.parse(envelope.payload));
  } catch {
    return `the enrolment record of workstation ${workstationId} is not JSON`;
  }
  if (!parsed.success) return `the enrolment record of workstation ${workstationId} does not match its format`;
  const record = parsed.data;
  if (record.lenderId !== lender.lenderId) return `the enrolment record of workstation ${workstationId} is from lender ${record.lenderId}, not ${lender.lenderId}`;
  if (record.workstationId !== workstationId) return `the enrolment record names workstation ${record.workstationId}, not ${workstationId}`;
  try {
    return publicKeyFromPem(record.publicKeyPem);
  } catch (err) {
    return `the enrolled key of workstation ${workstationId} is unusable: ${(err as Error).message}`;
  }
}
