/** The lender's signed enrolment record of a workstation (casedesk.enrollment/1), relayed with team reports. */
import { canonicalJson, utf8 } from '../../common/domain/chain/canonical';
import { ENROLLMENT_RECORD_FORMAT, type EnrollmentRecord } from '../../common/protocol/enrollment';
import type { SignedEnvelope } from '../../common/protocol/primitives';
import { signWith } from '../crypto';
import type { LenderContext } from '../context';
import type { WorkstationRow } from '../store/types';

export function signedEnrollmentRecord(ws: WorkstationRow, lc: LenderContext): SignedEnvelope {
  const record: EnrollmentRecord = {
    format: ENROLLMENT_RECORD_FORMAT,
    lenderId: lc.identity.info.id,
    workstationId: ws.id,
    publicKeyPem: ws.publicKeyPem,
    enrolledAt: ws.enrolledAt,
  };
  const payload = canonicalJson(record);
  return { payload, signature: signWith(lc.identity.keys.privateKey, utf8(payload)) };
}
