import { z } from 'zod';
import { CHAIN_RECORD_TYPES } from '../domain/chain/record';

export const HashHex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash as 64 lowercase hex characters');
export const Base64 = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'must be base64');
export const Instant = z.iso.datetime({ offset: false, message: 'must be an ISO-8601 UTC instant (…Z)' });
export const CalendarDate = z.iso.date({ message: 'must be a calendar date YYYY-MM-DD' });
export const ProtocolId = z.string().min(1).max(100);
export const Seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const Minor = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
export const NonNegativeMinor = Minor.min(0);
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY');
export const PublicKeyPem = z
  .string()
  .max(1000)
  .regex(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n?$/, 'must be an SPKI PEM public key');

export const ChainRecordSchema = z.strictObject({
  type: z.enum(CHAIN_RECORD_TYPES),
  id: ProtocolId,
  caseId: ProtocolId.nullable(),
  placementId: ProtocolId.nullable(),
  at: Instant,
  body: z.record(z.string(), z.unknown()),
  seq: Seq.min(1),
  workstationId: ProtocolId,
});

export const ChainPointSchema = z.strictObject({ seq: Seq, hash: HashHex });

/** A message signed by its author: the exact canonical text and a raw Ed25519 signature, base64. */
export const SignedEnvelope = z.strictObject({
  payload: z.string().min(2).max(50_000_000),
  signature: Base64,
});
export type SignedEnvelope = z.infer<typeof SignedEnvelope>;
