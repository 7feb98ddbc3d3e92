/**
 * A public key's fingerprint: SHA-256 of its DER SubjectPublicKeyInfo, lowercase hex — what
 *   openssl pkey -pubin -in KEY.pem -outform DER | sha256sum
 * prints, so a lender can compare the key it pinned at enrolment with any report's signer.
 */
import { createHash, type KeyObject } from 'node:crypto';

export function keyFingerprint(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}
