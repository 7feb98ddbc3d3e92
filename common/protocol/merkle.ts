/**
 * RFC 9162 (Certificate Transparency v2) Merkle tree hashing, pure with SHA-256 injected:
 * leaf = SHA-256(0x00 || data), node = SHA-256(0x01 || left || right), the empty tree = SHA-256("").
 */
import { concatBytes, fromHex, toHex } from '../domain/chain/hex';
import type { Sha256 } from '../domain/chain/hash';

const LEAF = new Uint8Array([0x00]);
const NODE = new Uint8Array([0x01]);

export const leafHash = (data: Uint8Array, sha256: Sha256): Uint8Array => sha256(concatBytes(LEAF, data));
export const nodeHash = (l: Uint8Array, r: Uint8Array, sha256: Sha256): Uint8Array => sha256(concatBytes(NODE, l, r));

/** Largest power of two strictly less than n (n >= 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) over leaf hashes (already 0x00-prefixed and hashed). */
export function rootFromLeafHashes(leaves: readonly Uint8Array[], sha256: Sha256): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array());
  if (leaves.length === 1) return leaves[0] as Uint8Array;
  const k = split(leaves.length);
  return nodeHash(rootFromLeafHashes(leaves.slice(0, k), sha256), rootFromLeafHashes(leaves.slice(k), sha256), sha256);
}

/** PATH(m, D[n]) of RFC 9162 §2.1.3.1: the audit path for leaf m in the first n leaves. */
export function inclusionProof(m: number, leaves: readonly Uint8Array[], sha256: Sha256): Uint8Array[] {
  const n = leaves.length;
  if (m < 0 || m >= n) throw new RangeError(`leaf ${m} is not in a tree of ${n}`);
  if (n === 1) return [];
  const k = split(n);
  if (m < k) return [...inclusionProof(m, leaves.slice(0, k), sha256), rootFromLeafHashes(leaves.slice(k), sha256)];
  return [...inclusionProof(m - k, leaves.slice(k), sha256), rootFromLeafHashes(leaves.slice(0, k), sha256)];
}

/** RFC 9162 §2.1.3.2: does the path prove leaf `leafIndex` in a tree of `treeSize` with this root? */
export function verifyInclusion(
  leaf: Uint8Array,
  leafIndex: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  sha256: Sha256,
): boolean {
  if (leafIndex < 0 || leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r, sha256);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p, sha256);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && toHex(r) === toHex(root);
}

/** The same check with hex in and out, as receipts carry it. */
export function verifyInclusionHex(
  data: Uint8Array,
  leafIndex: number,
  treeSize: number,
  proofHex: readonly string[],
  rootHex: string,
  sha256: Sha256,
): boolean {
  return verifyInclusion(leafHash(data, sha256), leafIndex, treeSize, proofHex.map(fromHex), fromHex(rootHex), sha256);
}
