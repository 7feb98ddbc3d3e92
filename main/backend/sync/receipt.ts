/** A lender receipt is kept only if the lender's signature, the report hash and the Merkle inclusion proof all check out. */
import { createHash } from 'node:crypto';
import { utf8 } from '../../../common/domain/chain/canonical';
import { verifyInclusionHex } from '../../../common/protocol/merkle';
import { ReceiptSchema, type Receipt } from '../../../common/protocol/receipt';
import type { ProgressReport } from '../../../common/protocol/report';
import { sha256 } from '../crypto/hash';
import { publicKeyFromPem, verifyBytes } from '../crypto/ed25519';

export class ReceiptInvalidError extends Error {
  override readonly name = 'ReceiptInvalidError';
}

export function verifyReceipt(envelope: { payload: string; signature: string }, lenderPublicKeyPem: string, reportText: string, reportId: string): Receipt {
  if (!verifyBytes(utf8(envelope.payload), Buffer.from(envelope.signature, 'base64'), publicKeyFromPem(lenderPublicKeyPem))) {
    throw new ReceiptInvalidError(`the lender's receipt for report ${reportId} does not carry a valid lender signature`);
  }
  const parsed = ReceiptSchema.safeParse(JSON.parse(envelope.payload));
  if (!parsed.success) throw new ReceiptInvalidError(`the lender's receipt for report ${reportId} does not match the protocol`);
  const r = parsed.data;
  const bytes = utf8(reportText);
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (r.reportId !== reportId || r.reportHash !== hash) {
    throw new ReceiptInvalidError(`the lender's receipt names report ${r.reportId} (${r.reportHash}), not ${reportId} (${hash})`);
  }
  // The receipt's anchors must be the report's own: the chain head and the audit log head it carries.
  const report = JSON.parse(reportText) as Pick<ProgressReport, 'chain' | 'auditHead'>;
  if (!samePoint(r.chainHead, report.chain.head) || !samePoint(r.auditHead, report.auditHead)) {
    throw new ReceiptInvalidError(`the lender's receipt for report ${reportId} names other chain or audit log heads than the report`);
  }
  if (!verifyInclusionHex(bytes, r.leafIndex, r.treeSize, r.inclusionProof, r.rootHash, sha256)) {
    throw new ReceiptInvalidError(`the inclusion proof in the receipt for report ${reportId} does not lead to the log root it names`);
  }
  return r;
}

type Point = { seq: number; hash: string } | undefined;
const samePoint = (a: Point, b: Point): boolean => (a === undefined ? b === undefined : b !== undefined && a.seq === b.seq && a.hash === b.hash);
