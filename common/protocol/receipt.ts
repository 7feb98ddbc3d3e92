/**
 * The lender's receipt for an accepted report: signed by the lender over its canonical bytes, it
 * carries the Merkle log position and an RFC 9162 inclusion proof against the tree head it names.
 */
import { z } from 'zod';
import { HashHex, Instant, ProtocolId, Seq } from './primitives';

export const RECEIPT_FORMAT = 'casedesk.receipt/1';

export const ReceiptSchema = z.strictObject({
  format: z.literal(RECEIPT_FORMAT),
  lenderId: ProtocolId,
  reportId: ProtocolId,
  workstationId: ProtocolId,
  placementId: ProtocolId,
  seq: Seq.min(1),
  /** SHA-256 of the exact report bytes (the log leaf data). */
  reportHash: HashHex,
  chainHead: z.strictObject({ seq: Seq, hash: HashHex }),
  /** The report's audit log head, when it carries one: the lender's signed word on both anchors. */
  auditHead: z.strictObject({ seq: Seq, hash: HashHex }).optional(),
  leafIndex: Seq,
  treeSize: Seq.min(1),
  rootHash: HashHex,
  inclusionProof: z.array(HashHex),
  acceptedAt: Instant,
});
export type Receipt = z.infer<typeof ReceiptSchema>;

/** The lender's answer to a push: a fresh acceptance or the acknowledgement of one already held. */
export const PushReportResponse = z.strictObject({
  status: z.enum(['accepted', 'duplicate']),
  receipt: z.strictObject({ payload: z.string(), signature: z.string() }),
});
export type PushReportResponse = z.infer<typeof PushReportResponse>;

export const SignedTreeHeadSchema = z.strictObject({
  format: z.literal('casedesk.tree-head/1'),
  lenderId: ProtocolId,
  treeSize: Seq,
  rootHash: HashHex,
  timestamp: Instant,
});
export type SignedTreeHead = z.infer<typeof SignedTreeHeadSchema>;

/** GET /v1/log/consistency?first=m&second=n: RFC 9162 §2.1.4 PROOF(m, D[n]), hex. */
export const ConsistencyProofSchema = z.strictObject({
  first: Seq,
  second: Seq,
  consistencyProof: z.array(HashHex).max(64),
});
export type ConsistencyProof = z.infer<typeof ConsistencyProofSchema>;

/** GET /v1/log/entries?start=&end= (signed): leaves by index; the report behind one only for its placement's audience. */
export const LogEntriesSchema = z.strictObject({
  entries: z
    .array(z.strictObject({ leafIndex: Seq, leafHash: HashHex, report: z.string().optional(), signature: z.string().optional() }))
    .max(200),
});
export type LogEntries = z.infer<typeof LogEntriesSchema>;
