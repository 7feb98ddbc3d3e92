import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../common/domain/chain/hex';
import { inclusionProof, leafHash, nodeHash, rootFromLeafHashes, verifyInclusion } from '../../../common/protocol/merkle';
import { sha256 } from '../../../main/backend/crypto/hash';

const h = (...parts: (number[] | Buffer)[]) => new Uint8Array(createHash('sha256').update(Buffer.concat(parts.map((p) => Buffer.from(p)))).digest());
const data = (i: number) => new TextEncoder().encode(`leaf-${i}`);

describe('RFC 9162 Merkle hashing', () => {
  it('hashes leaves with 0x00 and nodes with 0x01, and the empty tree as SHA-256 of nothing', () => {
    expect(toHex(leafHash(data(0), sha256))).toBe(toHex(h([0], Buffer.from('leaf-0'))));
    const l = leafHash(data(0), sha256);
    const r = leafHash(data(1), sha256);
    expect(toHex(nodeHash(l, r, sha256))).toBe(toHex(h([1], Buffer.from(l), Buffer.from(r))));
    expect(toHex(rootFromLeafHashes([], sha256))).toBe(createHash('sha256').digest('hex'));
  });

  it('splits at the largest power of two below n (3 leaves: (0,1),2)', () => {
    const leaves = [0, 1, 2].map((i) => leafHash(data(i), sha256));
    const expected = nodeHash(nodeHash(leaves[0]!, leaves[1]!, sha256), leaves[2]!, sha256);
    expect(toHex(rootFromLeafHashes(leaves, sha256))).toBe(toHex(expected));
  });

  it('every inclusion proof verifies, for every leaf of trees of size 1..40', () => {
    for (let n = 1; n <= 40; n++) {
      const leaves = Array.from({ length: n }, (_, i) => leafHash(data(i), sha256));
      const root = rootFromLeafHashes(leaves, sha256);
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(m, leaves, sha256);
        expect(verifyInclusion(leaves[m]!, m, n, proof, root, sha256)).toBe(true);
      }
    }
  });

  it('property: a proof does not verify for another leaf, index, tree or root', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 64 }), fc.nat(), fc.nat(), (n, a, b) => {
        const m = a % n;
        const other = (m + 1 + (b % (n - 1))) % n;
        const leaves = Array.from({ length: n }, (_, i) => leafHash(data(i), sha256));
        const root = rootFromLeafHashes(leaves, sha256);
        const proof = inclusionProof(m, leaves, sha256);
        const wrongRoot = rootFromLeafHashes(leaves.slice(0, n - 1), sha256);
        // A size is only meaningful with its own root (both are in the signed tree head).
        const biggerRoot = rootFromLeafHashes([...leaves, leafHash(data(n), sha256)], sha256);
        return (
          !verifyInclusion(leaves[other]!, m, n, proof, root, sha256) &&
          !verifyInclusion(leaves[m]!, other, n, proof, root, sha256) &&
          !verifyInclusion(leaves[m]!, m, n + 1, proof, biggerRoot, sha256) &&
          !verifyInclusion(leaves[m]!, m, n, proof, wrongRoot, sha256)
        );
      }),
      { numRuns: 200 },
    );
  });
});
