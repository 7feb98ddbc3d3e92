/** POST /v1/enroll: a one-time code binds a workstation id to its public key. */
import { EnrollRequest, type EnrollResponse } from '../../common/protocol/enrollment';
import { HttpError, issuesOf, parseJson } from '../http';
import type { LenderContext } from '../context';

export async function enroll(body: Buffer, lc: LenderContext): Promise<EnrollResponse> {
  const parsed = EnrollRequest.safeParse(parseJson(body));
  if (!parsed.success) throw new HttpError('BAD_REQUEST', 'enrollment request is malformed', { issues: issuesOf(parsed.error) });
  const req = parsed.data;
  const now = lc.now().toISOString();
  return lc.store.transaction(async (tx) => {
    const existing = await tx.getWorkstation(req.workstationId);
    if (existing && (existing.publicKeyPem.trim() !== req.publicKeyPem.trim() || existing.enrollmentCode !== req.code)) {
      throw new HttpError('ALREADY_ENROLLED', `workstation ${req.workstationId} is already enrolled with another key or code`);
    }
    const use = await tx.consumeEnrollmentCode(req.code, req.workstationId, now);
    if (use === 'unknown') throw new HttpError('ENROLLMENT_CODE_INVALID', 'unknown enrollment code');
    if (use === 'expired') throw new HttpError('ENROLLMENT_CODE_INVALID', 'the enrollment code has expired; ask the lender for a new one');
    if (use === 'used') throw new HttpError('ENROLLMENT_CODE_USED', 'the enrollment code was already used by another workstation');
    // A retried enrollment (same id, key and code) is answered again, not refused.
    if (!existing) {
      await tx.addWorkstation({ id: req.workstationId, publicKeyPem: req.publicKeyPem, name: req.name, enrolledAt: now, enrollmentCode: req.code });
    }
    return {
      workstationId: req.workstationId,
      lenderId: lc.identity.info.id,
      lenderName: lc.identity.info.name,
      lenderPublicKeyPem: lc.identity.keys.publicKeyPem,
      enrolledAt: existing?.enrolledAt ?? now,
    };
  });
}
