/**
 * Canonical JSON (RFC 8785, JCS) via `canonicalize`, written by the RFC's author. Everything that
 * is hashed or signed goes through here so that verifiers on any platform reproduce the bytes.
 *
 * Before serializing, the value is walked and refused (CanonicalizeError, naming the path) where
 * RFC 8785 says a conforming implementation must refuse, or where JSON has no form for it and
 * `canonicalize` would quietly change the meaning: strings (values or member names) with a lone
 * surrogate (§3.2.2.2: not valid Unicode, so no UTF-8 bytes to sign), NaN and ±Infinity, BigInt,
 * functions, symbols and `undefined` anywhere (an array slot would silently become null, a member
 * silently vanish).
 */
import canonicalize from 'canonicalize';

export class CanonicalizeError extends Error {
  override readonly name = 'CanonicalizeError';
}

/** True when the string holds a high surrogate not followed by a low one, or a low one alone. */
export function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

function refuse(path: string, why: string): never {
  throw new CanonicalizeError(`${path || '(root)'}: ${why}; it has no canonical JSON form (RFC 8785)`);
}

function check(value: unknown, path: string, seen: Set<object>): void {
  switch (typeof value) {
    case 'string':
      if (hasLoneSurrogate(value)) refuse(path, 'a string with a lone surrogate');
      return;
    case 'number':
      if (!Number.isFinite(value)) refuse(path, String(value));
      return;
    case 'boolean':
      return;
    case 'object':
      break;
    default:
      refuse(path, typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`);
  }
  if (value === null) return;
  if (seen.has(value)) refuse(path, 'a cycle');
  seen.add(value);
  const json = (value as { toJSON?: unknown }).toJSON;
  if (typeof json === 'function') check((json as () => unknown).call(value), path, seen);
  else if (Array.isArray(value)) value.forEach((v, i) => check(v, `${path}[${i}]`, seen));
  else {
    for (const [k, v] of Object.entries(value)) {
      if (hasLoneSurrogate(k)) refuse(path, 'a member name with a lone surrogate');
      check(v, `${path}.${k}`, seen);
    }
  }
  seen.delete(value);
}

export function canonicalJson(value: unknown): string {
  check(value, '', new Set());
  const text = canonicalize(value);
  if (text === undefined) throw new CanonicalizeError('value has no canonical JSON form');
  return text;
}

const encoder = new TextEncoder();

export function canonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalJson(value));
}

export const utf8 = (text: string): Uint8Array => encoder.encode(text);
