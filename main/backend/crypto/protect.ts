/**
 * Private keys at rest. A KeyProtector wraps the PKCS#8 bytes: the Electron shell supplies one
 * backed by safeStorage (OS keychain); the loopback host, the CLI and tests use a passphrase:
 * scrypt (N=2^17, r=8, p=1) derives an AES-256-GCM key, so a copied database alone reveals nothing.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { z } from 'zod';

export interface KeyProtector {
  /** Stored beside the wrapped key so the right protector is asked to unwrap it. */
  readonly scheme: string;
  /** How the wrapping secret itself is kept, in words (named in export manifests); absent when unsaid. */
  readonly keptBy?: string;
  wrapKey(plain: Uint8Array): Uint8Array;
  unwrapKey(wrapped: Uint8Array): Uint8Array;
}

export class KeyUnwrapError extends Error {
  override readonly name = 'KeyUnwrapError';
}

export const SCRYPT_DEFAULT = { N: 2 ** 17, r: 8, p: 1 } as const;

const PassphraseBlob = z.strictObject({
  v: z.literal(1),
  kdf: z.literal('scrypt'),
  N: z.number().int().min(2 ** 10).max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string(),
  iv: z.string(),
  tag: z.string(),
  ct: z.string(),
});

function deriveKey(passphrase: string, salt: Buffer, N: number, r: number, p: number): Buffer {
  // scrypt needs 128*N*r bytes; Node's default maxmem (32 MiB) is too small at N=2^17.
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}

/** `cost` lowers N for tests only; the stored blob records the parameters used. */
export function passphraseProtector(passphrase: string, cost: { N: number } = SCRYPT_DEFAULT): KeyProtector {
  if (passphrase.length < 8) throw new Error('the key passphrase must have at least 8 characters');
  return {
    scheme: 'passphrase-scrypt-aes256gcm',
    wrapKey(plain) {
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const { r, p } = SCRYPT_DEFAULT;
      const key = deriveKey(passphrase, salt, cost.N, r, p);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
      const blob = { v: 1, kdf: 'scrypt', N: cost.N, r, p, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
      return new TextEncoder().encode(JSON.stringify(blob));
    },
    unwrapKey(wrapped) {
      let blob: z.infer<typeof PassphraseBlob>;
      try {
        blob = PassphraseBlob.parse(JSON.parse(new TextDecoder().decode(wrapped)));
      } catch {
        throw new KeyUnwrapError('the stored key is not a passphrase-protected key blob');
      }
      const key = deriveKey(passphrase, Buffer.from(blob.salt, 'base64'), blob.N, blob.r, blob.p);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(blob.iv, 'base64'));
        decipher.setAuthTag(Buffer.from(blob.tag, 'base64'));
        return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(blob.ct, 'base64')), decipher.final()]));
      } catch {
        throw new KeyUnwrapError('wrong passphrase for the workstation key (or the key blob was altered)');
      }
    },
  };
}

/**
 * The hook the Electron shell fills with safeStorage, e.g.
 * `hookProtector({ wrapKey: (b) => safeStorage.encryptString(Buffer.from(b).toString('base64')), unwrapKey: (b) => Buffer.from(safeStorage.decryptString(Buffer.from(b)), 'base64') })`.
 */
export function hookProtector(
  hooks: { wrapKey(plain: Uint8Array): Uint8Array; unwrapKey(wrapped: Uint8Array): Uint8Array },
  scheme = 'os-keychain',
): KeyProtector {
  return { scheme, wrapKey: (b) => hooks.wrapKey(b), unwrapKey: (b) => hooks.unwrapKey(b) };
}

/**
 * For a workstation started without a way to protect its key (a --plain demo without a passphrase):
 * everything but signing works; enrolment and reports say exactly what is missing.
 */
export function unavailableProtector(reason: string): KeyProtector {
  const refuse = (): never => {
    throw new KeyUnwrapError(reason);
  };
  return { scheme: 'unavailable', wrapKey: refuse, unwrapKey: refuse };
}
