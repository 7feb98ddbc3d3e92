/**
 * Invariant: nothing is hashed or signed that has no RFC 8785 form. Lone surrogates (§3.2.2.2) and
 * values JSON cannot carry are refused by name, never serialized into something else.
 */
import { describe, expect, it } from 'vitest';
import { CanonicalizeError, canonicalJson, hasLoneSurrogate } from '../../../common/domain/chain/canonical';

describe('canonical JSON refuses what has no canonical form', () => {
  it('refuses strings and member names with a lone surrogate, and keeps well-formed pairs', () => {
    expect(() => canonicalJson({ note: '\udc00' })).toThrow(CanonicalizeError);
    expect(() => canonicalJson({ body: { note: 'a\ud800' } })).toThrow(/\.body\.note: a string with a lone surrogate/);
    expect(() => canonicalJson(['\ud800x'])).toThrow(/\[0\]/);
    expect(() => canonicalJson({ ['\udfff']: 1 })).toThrow(/member name with a lone surrogate/);
    expect(canonicalJson({ note: '😀 王芳' })).toBe('{"note":"😀 王芳"}');
    expect(hasLoneSurrogate('\ud83d\ude00')).toBe(false);
    expect(hasLoneSurrogate('\ude00\ud83d')).toBe(true);
  });

  it('refuses nested values with no JSON form instead of dropping or nulling them', () => {
    const bad: [string, unknown][] = [
      ['undefined member', { a: { b: undefined } }],
      ['undefined in an array', { a: [1, undefined] }],
      ['function', { a: () => 1 }],
      ['symbol', { a: Symbol('s') }],
      ['NaN', { a: [Number.NaN] }],
      ['Infinity', { a: Number.POSITIVE_INFINITY }],
      ['-Infinity', { a: { b: Number.NEGATIVE_INFINITY } }],
      ['BigInt', { a: 10n }],
      ['undefined', undefined],
    ];
    for (const [what, value] of bad) expect(() => canonicalJson(value), what).toThrow(CanonicalizeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it('still writes what JSON can carry, as RFC 8785 orders it', () => {
    expect(canonicalJson({ b: [1, null, true, 'x'], a: { d: 1.5, c: -0 }, e: new Date('2026-03-02T09:00:00.000Z') })).toBe(
      '{"a":{"c":0,"d":1.5},"b":[1,null,true,"x"],"e":"2026-03-02T09:00:00.000Z"}',
    );
    const shared = { x: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });
});
