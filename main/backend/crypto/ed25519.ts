/** Ed25519 with Node's built-in crypto: raw 64-byte signatures over exact bytes, SPKI/PKCS#8 encodings. */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export interface Ed25519KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function generateEd25519(): Ed25519KeyPair {
  return generateKeyPairSync('ed25519');
}

export const publicKeyPem = (key: KeyObject): string => key.export({ type: 'spki', format: 'pem' }).toString();

export const privateKeyDer = (key: KeyObject): Uint8Array => new Uint8Array(key.export({ type: 'pkcs8', format: 'der' }));

export const privateKeyFromDer = (der: Uint8Array): KeyObject =>
  createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });

export function publicKeyFromPem(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 public key, got ${key.asymmetricKeyType ?? 'unknown'}`);
  return key;
}

export const signBytes = (data: Uint8Array, key: KeyObject): Uint8Array => new Uint8Array(sign(null, data, key));

/** False (never a throw) for a malformed or wrong-length signature. */
export function verifyBytes(data: Uint8Array, signature: Uint8Array, key: KeyObject): boolean {
  if (signature.length !== 64) return false;
  try {
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}
