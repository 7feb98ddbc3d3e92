import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalJson } from '../../../common/domain/chain/canonical';
import { GENESIS_HASH, chainHash } from '../../../common/domain/chain/hash';
import { CHAIN_RECORD_TYPES, type ChainRecord } from '../../../common/domain/chain/record';
import { verifyChain, type ChainLink } from '../../../common/domain/chain/verify';
import { sha256 } from '../../../main/backend/crypto/hash';

function buildChain(bodies: readonly Record<string, unknown>[]): ChainLink[] {
  let prev = GENESIS_HASH;
  return bodies.map((body, i) => {
    const record: ChainRecord = {
      type: CHAIN_RECORD_TYPES[i % CHAIN_RECORD_TYPES.length] ?? 'activity',
      id: `r${i}`,
      caseId: i % 3 === 0 ? null : `case-${i}`,
      placementId: 'p1',
      at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      body,
      seq: i + 1,
      workstationId: 'ws1',
    };
    const hash = chainHash(prev, canonicalBytes(record), sha256);
    const link: ChainLink = { seq: i + 1, hash, prevHash: prev, record };
    prev = hash;
    return link;
  });
}

describe('chain formula', () => {
  it('is SHA-256 over the 32 raw bytes of the previous hash followed by the RFC 8785 bytes', () => {
    const record = { b: 1, a: 'é', z: [3, 1] };
    expect(canonicalJson(record)).toBe('{"a":"é","b":1,"z":[3,1]}');
    const expected = createHash('sha256')
      .update(Buffer.concat([Buffer.alloc(32), Buffer.from('{"a":"é","b":1,"z":[3,1]}', 'utf8')]))
      .digest('hex');
    expect(chainHash(GENESIS_HASH, canonicalBytes(record), sha256)).toBe(expected);
  });

  it('canonicalizes numbers per RFC 8785 (ECMAScript shortest form)', () => {
    expect(canonicalJson({ n: 1e21, m: 0.1, k: -0, i: 100 })).toBe('{"i":100,"k":0,"m":0.1,"n":1e+21}');
  });

  it('refuses a malformed previous hash', () => {
    expect(() => chainHash('abc', new Uint8Array(), sha256)).toThrow(/64 lowercase hex/);
  });

  it('accepts an intact chain and reports its head', () => {
    const links = buildChain([{ a: 1 }, { b: 2 }, { c: 3 }]);
    const v = verifyChain(links, sha256);
    expect(v).toEqual({ ok: true, head: { seq: 3, hash: links[2]?.hash } });
  });

  it('names the first break precisely: index, seq, expected and actual', () => {
    const links = buildChain([{ a: 1 }, { b: 2 }, { c: 3 }]);
    const altered = links.map((l) => ({ ...l, record: l.record && { ...l.record } }));
    altered[1]!.record!.body = { b: 3 };
    const v = verifyChain(altered, sha256);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.break).toMatchObject({ kind: 'hash_mismatch', index: 1, seq: 2, expected: links[1]?.hash });
    expect(v.break.actual).not.toBe(links[1]?.hash);
    expect(v.break.message).toMatch(/seq 2/);
  });

  it('detects a removed record as a sequence gap, and a re-numbered removal as a hash mismatch', () => {
    const links = buildChain([{ a: 1 }, { b: 2 }, { c: 3 }]);
    const removed = [links[0]!, links[2]!];
    expect(verifyChain(removed, sha256)).toMatchObject({ ok: false, break: { kind: 'seq_gap', index: 1, expected: '2', actual: '3' } });
    // Without stored prev hashes and renumbered seqs the recomputed hash still does not match.
    const renumbered = [links[0]!, { seq: 2, hash: links[2]!.hash, record: { ...links[2]!.record!, seq: 2 } }];
    expect(verifyChain(renumbered, sha256)).toMatchObject({ ok: false, break: { kind: 'hash_mismatch', index: 1 } });
  });

  it('detects a claimed head that is not where the links end', () => {
    const links = buildChain([{ a: 1 }]);
    expect(verifyChain(links, sha256, undefined, { seq: 2, hash: links[0]!.hash })).toMatchObject({ ok: false, break: { kind: 'head_mismatch' } });
  });

  const jsonValue = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));
  const bodies = fc.array(fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), jsonValue, { maxKeys: 4 }), { minLength: 1, maxLength: 12 });

  type Mutation =
    | { kind: 'body'; key: string; value: string | number }
    | { kind: 'field'; field: 'id' | 'at' | 'caseId' | 'placementId' | 'workstationId' | 'type' }
    | { kind: 'remove' }
    | { kind: 'swap' }
    | { kind: 'hash' }
    | { kind: 'insert' };

  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('body' as const), key: fc.string({ minLength: 1, maxLength: 5 }), value: fc.oneof(fc.string({ maxLength: 5 }), fc.integer()) }),
    fc.record({ kind: fc.constant('field' as const), field: fc.constantFrom('id', 'at', 'caseId', 'placementId', 'workstationId', 'type') as fc.Arbitrary<'id' | 'at' | 'caseId' | 'placementId' | 'workstationId' | 'type'> }),
    fc.constant({ kind: 'remove' as const }),
    fc.constant({ kind: 'swap' as const }),
    fc.constant({ kind: 'hash' as const }),
    fc.constant({ kind: 'insert' as const }),
  );

  function mutate(links: ChainLink[], at: number, m: Mutation): ChainLink[] | undefined {
    const out = links.map((l) => ({ ...l, record: l.record && { ...l.record, body: { ...l.record.body } } }));
    const target = out[at]!;
    const r = target.record!;
    switch (m.kind) {
      case 'body': {
        if (Object.is(r.body[m.key], m.value)) return undefined; // not a mutation
        r.body[m.key] = m.value;
        return out;
      }
      case 'field':
        if (m.field === 'type') r.type = r.type === 'activity' ? 'payment' : 'activity';
        else if (m.field === 'at') r.at = '2030-01-01T00:00:00.000Z';
        else if (m.field === 'caseId') r.caseId = r.caseId === null ? 'x' : null;
        else r[m.field] = `${r[m.field] ?? ''}x`;
        return out;
      case 'remove':
        out.splice(at, 1);
        return out;
      case 'swap':
        if (at + 1 >= out.length) return undefined;
        [out[at], out[at + 1]] = [out[at + 1]!, out[at]!];
        return out;
      case 'hash':
        target.hash = (target.hash[0] === '0' ? '1' : '0') + target.hash.slice(1);
        return out;
      case 'insert':
        out.splice(at, 0, { ...target, record: { ...r, id: `${r.id}-dup` } });
        return out;
    }
  }

  it('property: any single mutation, removal, reordering or insertion of any record is detected', () => {
    fc.assert(
      fc.property(bodies, fc.nat(), mutation, fc.boolean(), (bs, pick, m, withPrev) => {
        const links = buildChain(bs);
        const at = pick % links.length;
        const mutated = mutate(links, at, m);
        fc.pre(mutated !== undefined);
        const view = withPrev ? mutated! : mutated!.map(({ prevHash: _p, ...rest }) => rest);
        const head = { seq: links.at(-1)!.seq, hash: links.at(-1)!.hash };
        // A verifier holds the head it was given earlier (the last report's head): removal of the last record is then visible too.
        const v = verifyChain(view, sha256, undefined, head);
        return v.ok === false;
      }),
      { numRuns: 500 },
    );
  });

  it('property: an untouched chain of any shape verifies', () => {
    fc.assert(
      fc.property(bodies, (bs) => verifyChain(buildChain(bs), sha256).ok),
      { numRuns: 200 },
    );
  });
});
