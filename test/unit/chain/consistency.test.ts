/**
 * Invariant: a consistency proof (RFC 9162 §2.1.4) verifies exactly when the first tree is a
 * prefix of the second — for every pair of sizes up to 40 — and fails for a rewritten leaf, a
 * changed root or size, or a tampered proof.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistencyProof, leafHash, rootFromLeafHashes, verifyConsistency } from '../../../common/protocol/merkle';
import { sha256 } from '../../../main/backend/crypto/hash';

const leaves = (n: number, salt = ''): Uint8Array[] => Array.from({ length: n }, (_, i) => leafHash(new TextEncoder().encode(`leaf ${i}${salt}`), sha256));
const root = (l: readonly Uint8Array[]) => rootFromLeafHashes(l, sha256);

describe('Merkle consistency proofs', () => {
  it('verify for every 0 ≤ m ≤ n ≤ 40', () => {
    const all = leaves(40);
    for (let n = 0; n <= 40; n++) {
      for (let m = 0; m <= n; m++) {
        const proof = consistencyProof(m, all.slice(0, n), sha256);
        expect(verifyConsistency(m, n, proof, root(all.slice(0, m)), root(all.slice(0, n)), sha256), `${m} → ${n}`).toBe(true);
      }
    }
  });

  it('matches the RFC 9162 §2.1.5 example shapes (7 leaves)', () => {
    const all = leaves(7);
    expect(consistencyProof(3, all, sha256)).toHaveLength(4);
    expect(consistencyProof(4, all, sha256)).toHaveLength(1);
    expect(consistencyProof(6, all, sha256)).toHaveLength(3);
  });

  it('property: a rewritten earlier leaf, another root or size, or a tampered proof does not verify', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.nat(), (a, b, pick) => {
        const [m, n] = a < b ? [a, b] : [b, a + 1];
        const honest = leaves(n);
        const proof = consistencyProof(m, honest, sha256);
        const oldRoot = root(honest.slice(0, m));
        // The log rewrote one of the first m leaves and grew: the old head is no prefix of it.
        const rewritten = [...honest];
        rewritten[pick % m] = leafHash(new TextEncoder().encode('rewritten'), sha256);
        expect(verifyConsistency(m, n, consistencyProof(m, rewritten, sha256), oldRoot, root(rewritten), sha256)).toBe(false);
        expect(verifyConsistency(m, n, proof, oldRoot, root(leaves(n, 'x')), sha256)).toBe(false);
        // A proof for n leaves does not prove the smaller tree of n - 1.
        if (n > m + 1) expect(verifyConsistency(m, n - 1, proof, oldRoot, root(honest.slice(0, n - 1)), sha256)).toBe(false);
        if (proof.length > 0) {
          const tampered = proof.map((p, i) => (i === pick % proof.length ? sha256(p) : p));
          expect(verifyConsistency(m, n, tampered, oldRoot, root(honest), sha256)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('equal sizes need equal roots; every tree extends the empty one', () => {
    const all = leaves(5);
    expect(verifyConsistency(5, 5, [], root(all), root(all), sha256)).toBe(true);
    expect(verifyConsistency(5, 5, [], root(all), root(leaves(5, 'x')), sha256)).toBe(false);
    expect(verifyConsistency(0, 5, [], root([]), root(all), sha256)).toBe(true);
    expect(verifyConsistency(6, 5, [], root(all), root(all), sha256)).toBe(false);
  });
});
