/**
 * Password hashing with scrypt at OWASP's recommended cost (N=2^17, r=8, p=1: 128 MiB, so maxmem is
 * raised). The stored form records its parameters, so the cost can rise later without breaking
 * existing hashes: `scrypt$17$8$1$<salt b64>$<hash b64>`.
 */
import crypto from 'node:crypto';

const LOG_N = 17;
const R = 8;
const P = 1;
const KEY_LEN = 32;
const MAXMEM = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(password.normalize('NFKC'), salt, KEY_LEN, { N: 2 ** logN, r, p, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await derive(password, salt, LOG_N, R, P);
  return `scrypt$${LOG_N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![logN, r, p].every(Number.isInteger) || logN < 14 || logN > 22) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  const key = await derive(password, salt, logN, r, p);
  return key.length === expected.length && crypto.timingSafeEqual(key, expected);
}

/** Same cost as a real check, for unknown usernames, so timing does not reveal which names exist. */
export const DUMMY_HASH = 'scrypt$17$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

let demoHash: { password: string; hash: string } | null = null;

/**
 * The demo agency's users share one password, so its hash is computed once per process (a
 * synchronous scrypt at full cost: the demo is seeded in one go). Never used for real accounts.
 */
export function demoPasswordHash(password: string): string {
  if (demoHash?.password === password) return demoHash.hash;
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(password.normalize('NFKC'), salt, KEY_LEN, { N: 2 ** LOG_N, r: R, p: P, maxmem: MAXMEM });
  demoHash = { password, hash: `scrypt$${LOG_N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}` };
  return demoHash.hash;
}
