/**
 * Recovery codes: 40 random Crockford base32 characters (200 bits) in 8 groups of 5, shown once.
 * Crockford's alphabet has no I, L, O or U, so a code copied by hand reads back the same.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 8;
const GROUP_LENGTH = 5;
const LENGTH = GROUPS * GROUP_LENGTH;

export function newRecoveryCode(): string {
  const bytes = randomBytes(LENGTH);
  // 256 is a multiple of 32, so taking each byte mod 32 is uniform.
  const chars = Array.from(bytes, (b) => ALPHABET[b % 32] ?? '0').join('');
  return chars.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))?.join('-') ?? chars;
}

/** The canonical form (what is fed to the KDF), or null when it cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const chars = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (chars.length !== LENGTH || [...chars].some((c) => !ALPHABET.includes(c))) return null;
  return chars;
}
