/**
 * Canonical JSON (RFC 8785, JCS) via `canonicalize`, written by the RFC's author. Everything that
 * is hashed or signed goes through here so that verifiers on any platform reproduce the bytes.
 */
import canonicalize from 'canonicalize';

export class CanonicalizeError extends Error {
  override readonly name = 'CanonicalizeError';
}

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  // undefined at the top level (or a function/symbol) has no JSON form; refuse rather than sign nothing.
  if (text === undefined) throw new CanonicalizeError('value has no canonical JSON form');
  return text;
}

const encoder = new TextEncoder();

export function canonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalJson(value));
}

export const utf8 = (text: string): Uint8Array => encoder.encode(text);
