/**
 * The tagged link formula (chain formula 2). A link commits to its record's placement through a
 * tag, and to the record through its digest, so an elided link can show both without its content:
 *
 *   tag(placement) = SHA-256(canonical ["casedesk.placement-tag/1", placementId | null])
 *   digest(record) = SHA-256(canonical record)
 *   hash(n)        = SHA-256(raw32(hash(n-1)) || 0x02 || raw32(tag) || raw32(digest))
 *
 * A verifier recomputes an elided link's hash from the previous hash and the tag and digest it
 * shows, so a link cannot claim another placement's tag than the one hashed when it was chained.
 * The 0x02 byte and the fixed 65-byte tail keep formula-2 inputs apart from formula-1 inputs,
 * which follow the previous hash with a record's canonical JSON (always starting with `{`).
 */
import { canonicalBytes } from './canonical';
import { concatBytes, fromHex, toHex } from './hex';
import { isHashHex, type Sha256 } from './hash';

export const PLACEMENT_TAG_DOMAIN = 'casedesk.placement-tag/1';
const FORMULA_2 = new Uint8Array([0x02]);

export function placementTag(placementId: string | null, sha256: Sha256): string {
  return toHex(sha256(canonicalBytes([PLACEMENT_TAG_DOMAIN, placementId])));
}

export function recordDigest(canonical: Uint8Array, sha256: Sha256): string {
  return toHex(sha256(canonical));
}

export function taggedChainHash(prevHashHex: string, tag: string, digest: string, sha256: Sha256): string {
  for (const [what, hex] of [['prev hash', prevHashHex], ['tag', tag], ['digest', digest]] as const) {
    if (!isHashHex(hex)) throw new Error(`${what} must be 64 lowercase hex characters`);
  }
  return toHex(sha256(concatBytes(fromHex(prevHashHex), FORMULA_2, fromHex(tag), fromHex(digest))));
}
