/** Node crypto for the lender: SHA-256 and Ed25519 over exact bytes (lender/ does not import main/). */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Sha256 } from '../common/domain/chain/hash';

export const sha256: Sha256 = (data) => new Uint8Array(createHash('sha256').update(data).digest());
export const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

export interface LenderKeys {
  privateKey: KeyObject;
  publicKeyPem: string;
}

export function generateLenderKeys(): { privatePem: string; publicPem: string } {
  const pair = generateKeyPairSync('ed25519');
  return {
    privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export const loadLenderKeys = (privatePem: string): LenderKeys => {
  const privateKey = createPrivateKey(privatePem);
  return { privateKey, publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString() };
};

export const signWith = (key: KeyObject, data: Uint8Array): string => sign(null, data, key).toString('base64');

export function verifyWithPem(publicKeyPem: string, data: Uint8Array, signatureB64: string): boolean {
  try {
    const sig = Buffer.from(signatureB64, 'base64');
    if (sig.length !== 64 || sig.toString('base64') !== signatureB64) return false;
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, data, key, sig);
  } catch {
    return false;
  }
}
