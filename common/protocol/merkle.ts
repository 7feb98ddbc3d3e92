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

/** SUBPROOF(m, D[n], b) of RFC 9162 §2.1.4.1. */
function subproof(m: number, leaves: readonly Uint8Array[], complete: boolean, sha256: Sha256): Uint8Array[] {
  const n = leaves.length;
  if (m === n) return complete ? [] : [rootFromLeafHashes(leaves, sha256)];
  const k = split(n);
  if (m <= k) return [...subproof(m, leaves.slice(0, k), complete, sha256), rootFromLeafHashes(leaves.slice(k), sha256)];
  return [...subproof(m - k, leaves.slice(k), false, sha256), rootFromLeafHashes(leaves.slice(0, k), sha256)];
}

/** PROOF(m, D[n]) of RFC 9162 §2.1.4.1: that the tree of the first m leaves is a prefix of the tree of n. Empty for m = 0 or m = n. */
export function consistencyProof(m: number, leaves: readonly Uint8Array[], sha256: Sha256): Uint8Array[] {
  const n = leaves.length;
  if (m < 0 || m > n) throw new RangeError(`no consistency proof from ${m} to a tree of ${n}`);
  if (m === 0 || m === n) return [];
  return subproof(m, leaves, true, sha256);
}

const isPowerOfTwo = (x: number): boolean => x > 0 && (x & (x - 1)) === 0;

/**
 * RFC 9162 §2.1.4.2: does the proof show the tree (firstSize, firstRoot) is a prefix of
 * (secondSize, secondRoot)? Equal sizes need equal roots and an empty proof; every tree extends
 * the empty one. Sizes are safe integers below 2^31 here (bit operations).
 */
export function verifyConsistency(
  firstSize: number,
  secondSize: number,
  proof: readonly Uint8Array[],
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  sha256: Sha256,
): boolean {
  const eq = (a: Uint8Array, b: Uint8Array) => toHex(a) === toHex(b);
  if (firstSize < 0 || firstSize > secondSize || secondSize >= 2 ** 31) return false;
  if (firstSize === secondSize) return proof.length === 0 && eq(firstRoot, secondRoot);
  if (firstSize === 0) return proof.length === 0;
  const path = isPowerOfTwo(firstSize) ? [firstRoot, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = firstSize - 1;
  let sn = secondSize - 1;
  while (fn & 1) {
    fn >>>= 1;
    sn >>>= 1;
  }
  let fr = path[0] as Uint8Array;
  let sr = path[0] as Uint8Array;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn & 1 || fn === sn) {
      fr = nodeHash(c, fr, sha256);
      sr = nodeHash(c, sr, sha256);
      if (!(fn & 1)) {
        while (!(fn & 1) && fn !== 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      }
    } else {
      sr = nodeHash(sr, c, sha256);
    }
    fn >>>= 1;
    sn >>>= 1;
  }
  return sn === 0 && eq(fr, firstRoot) && eq(sr, secondRoot);
}

/** The same check with hex in, as the lender serves proofs and receipts carry roots. */
export function verifyConsistencyHex(firstSize: number, secondSize: number, proofHex: readonly string[], firstRootHex: string, secondRootHex: string, sha256: Sha256): boolean {
  return verifyConsistency(firstSize, secondSize, proofHex.map(fromHex), fromHex(firstRootHex), fromHex(secondRootHex), sha256);
}
