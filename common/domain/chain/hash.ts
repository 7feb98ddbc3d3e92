/**
 * The chain formula: hash = SHA-256(prev_hash || canonical_bytes(record)), where prev_hash is the
 * 32 raw bytes of the previous hash (not its hex text). The hash function is injected because
 * common/ may not import Node; the backend passes node:crypto, a browser could pass WebCrypto.
 */
import { concatBytes, fromHex, toHex } from './hex';

export type Sha256 = (data: Uint8Array) => Uint8Array;

/** The prev hash of the first record of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

const HASH_HEX = /^[0-9a-f]{64}$/;
export const isHashHex = (s: string): boolean => HASH_HEX.test(s);

export function chainHash(prevHashHex: string, canonical: Uint8Array, sha256: Sha256): string {
  if (!isHashHex(prevHashHex)) throw new Error('prev hash must be 64 lowercase hex characters');
  return toHex(sha256(concatBytes(fromHex(prevHashHex), canonical)));
}
