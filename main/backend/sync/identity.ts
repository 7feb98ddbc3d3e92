/**
 * The workstation's signing identity and its enrollment with a lender, kept in sync_state so the
 * database file alone carries them (the CLI is given only --db). The private key is stored
 * wrapped by a KeyProtector and unwrapped into memory only when something must be signed.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../../db/open';
import { syncStateRepo } from '../../../db/repos/sync-state';
import { generateEd25519, privateKeyDer, privateKeyFromDer, publicKeyPem, signBytes } from '../crypto/ed25519';
import type { KeyProtector } from '../crypto/protect';

const IDENTITY_KEY = 'identity';
const ENROLLMENT_KEY = 'enrollment';

const StoredIdentitySchema = z.strictObject({
  workstationId: z.string(),
  publicKeyPem: z.string(),
  keyScheme: z.string(),
  wrappedKeyB64: z.string(),
  createdAt: z.string(),
});
export type StoredIdentity = z.infer<typeof StoredIdentitySchema>;

const EnrollmentSchema = z.strictObject({
  lenderUrl: z.string(),
  lenderId: z.string(),
  lenderName: z.string(),
  lenderPublicKeyPem: z.string(),
  enrolledAt: z.string(),
});
export type Enrollment = z.infer<typeof EnrollmentSchema>;

export interface Signer {
  workstationId: string;
  publicKeyPem: string;
  /** How the private key is kept at rest (KeyProtector.keptBy), when its protector says. */
  keptBy?: string;
  sign(data: Uint8Array): Uint8Array;
}

export class IdentityError extends Error {
  override readonly name = 'IdentityError';
}

export function loadIdentity(db: Db): StoredIdentity | undefined {
  const raw = syncStateRepo(db).get(IDENTITY_KEY);
  return raw === undefined ? undefined : StoredIdentitySchema.parse(JSON.parse(raw));
}

/** A fresh key pair for this workstation, stored wrapped. Replaces an unenrolled identity only. */
export function createIdentity(db: Db, workstationId: string, protector: KeyProtector, now: Date): StoredIdentity {
  if (loadEnrollment(db)) throw new IdentityError('this workstation is already enrolled; its key is not replaced');
  const pair = generateEd25519();
  const identity: StoredIdentity = {
    workstationId,
    publicKeyPem: publicKeyPem(pair.publicKey),
    keyScheme: protector.scheme,
    wrappedKeyB64: Buffer.from(protector.wrapKey(privateKeyDer(pair.privateKey))).toString('base64'),
    createdAt: now.toISOString(),
  };
  syncStateRepo(db).set(IDENTITY_KEY, JSON.stringify(identity));
  return identity;
}

export function unlockSigner(identity: StoredIdentity, protector: KeyProtector): Signer {
  if (identity.keyScheme !== protector.scheme) {
    throw new IdentityError(`the workstation key is protected by "${identity.keyScheme}", not "${protector.scheme}"`);
  }
  const key: KeyObject = privateKeyFromDer(protector.unwrapKey(Buffer.from(identity.wrappedKeyB64, 'base64')));
  // A key that does not match the stored public half would sign reports nobody can verify.
  if (publicKeyPem(createPublicKey(key)) !== identity.publicKeyPem) {
    throw new IdentityError('the unwrapped private key does not match the stored public key');
  }
  return { workstationId: identity.workstationId, publicKeyPem: identity.publicKeyPem, ...(protector.keptBy ? { keptBy: protector.keptBy } : {}), sign: (data) => signBytes(data, key) };
}

export function loadEnrollment(db: Db): Enrollment | undefined {
  const raw = syncStateRepo(db).get(ENROLLMENT_KEY);
  return raw === undefined ? undefined : EnrollmentSchema.parse(JSON.parse(raw));
}

export function saveEnrollment(db: Db, e: Enrollment): void {
  syncStateRepo(db).set(ENROLLMENT_KEY, JSON.stringify(e));
}
