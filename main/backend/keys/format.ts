/**
 * keystore.json, version 1: the random database key, wrapped several ways ("slots"), any one of
 * which unlocks it —
 *   passphrase  scrypt (N=2^17, r=8, p=1, parameters recorded) → AES-256-GCM; always present, so
 *               there is always a way in that does not depend on the OS
 *   recovery    the same, under a random recovery code shown once at creation
 *   platform    optional: the OS keychain via Electron safeStorage
 * The slot blobs are crypto/protect.ts's passphrase blobs (one set of crypto helpers). A MAC keyed
 * from the database key covers the whole document, so once any slot opens, a change anywhere else
 * (a swapped slot, altered KDF parameters) is detected instead of trusted.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../../common/domain/chain/canonical';
import { passphraseProtector, SCRYPT_DEFAULT } from '../crypto/protect';
import { DB_CIPHERS, DB_KEY_BYTES } from '../../../db/open';
import { KeystoreTamperedError, UnknownCipherError } from './errors';

/** The OS keychain, injected by the Electron shell. null: it cannot protect or open the key here — fall back to the passphrase. */
export interface PlatformKeyWrapper {
  wrap(key: Buffer): Promise<Buffer | null>;
  unwrap(blob: Buffer): Promise<Buffer | null>;
}

/** scrypt cost; only tests lower N. */
export interface KdfCost {
  N: number;
}

export const DEFAULT_KDF: KdfCost = { N: SCRYPT_DEFAULT.N };

/** The shape crypto/protect.ts writes; checked here too so a mangled slot reads as tampering, not as a wrong passphrase. */
const WrappedBlob = z.strictObject({
  v: z.literal(1),
  kdf: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string().min(1),
  iv: z.string().min(1),
  tag: z.string().min(1),
  ct: z.string().min(1),
});

const KeystoreDoc = z.strictObject({
  format: z.literal('casedesk-keystore'),
  version: z.literal(1),
  /**
   * How the key is applied, the key used raw (it is random; no KDF at open): 'aegis256-raw-key'
   * (SQLite3MultipleCiphers' AEGIS-256 pages) for every store this build writes; 'sqlcipher4-raw-key'
   * (the SQLCipher 4 scheme) in stores written by earlier builds, whose databases keep it.
   */
  cipher: z.enum(DB_CIPHERS),
  /** Bumped by every rotation; helps a person tell two copies apart. */
  generation: z.number().int().min(1),
  slots: z.strictObject({
    passphrase: WrappedBlob,
    recovery: WrappedBlob,
    platform: z.strictObject({ scheme: z.literal('os-keychain'), blob: z.string().min(1) }).optional(),
  }),
  mac: z.string(),
});

/** The same document with any cipher name: told apart from damage, so an unknown cipher is named as such. */
const AnyCipherDoc = KeystoreDoc.extend({ cipher: z.string() });

export type KeystoreDoc = z.infer<typeof KeystoreDoc>;
export type UnsignedDoc = Omit<KeystoreDoc, 'mac'>;

export function parseKeystore(text: string, file: string): KeystoreDoc {
  const damaged = () => new KeystoreTamperedError(`${file} is damaged or was altered (it is not a valid CaseDesk key store); restore it from a backup`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged();
  }
  const doc = KeystoreDoc.safeParse(json);
  if (doc.success) return doc.data;
  const other = AnyCipherDoc.safeParse(json);
  if (other.success) {
    // Unverified (the MAC needs the key): said as what it claims, and nothing is opened with it.
    const name = JSON.stringify(other.data.cipher.slice(0, 80));
    throw new UnknownCipherError(
      `${file} says its database is encrypted with the cipher ${name}, which this CaseDesk does not know (it knows ${DB_CIPHERS.join(', ')}): ` +
        'open the folder with the CaseDesk version that wrote it, or restore keystore.json from a backup if it was altered',
    );
  }
  throw damaged();
}

function macOf(doc: UnsignedDoc, key: Buffer): string {
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'casedesk keystore mac v1', 32));
  return createHmac('sha256', macKey).update(canonicalJson(doc)).digest('base64');
}

export function sign(doc: UnsignedDoc, key: Buffer): KeystoreDoc {
  return { ...doc, mac: macOf(doc, key) };
}

/** Throws unless `key` is the key this document was written for and nothing in it changed since. */
export function verifyMac(doc: KeystoreDoc, key: Buffer, file: string): void {
  const { mac, ...unsigned } = doc;
  const expected = Buffer.from(macOf(unsigned, key), 'base64');
  const actual = Buffer.from(mac, 'base64');
  if (key.length !== DB_KEY_BYTES || actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new KeystoreTamperedError(`${file} was altered: its integrity check failed; restore it from a backup or use the recovery code`);
  }
}

export function wrapWithSecret(key: Buffer, secret: string, kdf: KdfCost): KeystoreDoc['slots']['passphrase'] {
  const bytes = passphraseProtector(secret, kdf).wrapKey(key);
  return WrappedBlob.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
}

/** The key, or null when GCM refuses the secret (wrong secret, or the slot was altered: GCM cannot tell which). */
export function unwrapWithSecret(slot: KeystoreDoc['slots']['passphrase'], secret: string): Buffer | null {
  try {
    return Buffer.from(passphraseProtector(secret).unwrapKey(Buffer.from(JSON.stringify(slot), 'utf8')));
  } catch {
    // KeyUnwrapError from GCM, or passphraseProtector refusing a too-short secret: both are a wrong secret.
    return null;
  }
}

export async function platformSlot(key: Buffer, platform: PlatformKeyWrapper | undefined): Promise<KeystoreDoc['slots']['platform']> {
  if (!platform) return undefined;
  const blob = await platform.wrap(key);
  return blob && blob.length > 0 ? { scheme: 'os-keychain', blob: blob.toString('base64') } : undefined;
}

export function serialize(doc: KeystoreDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
