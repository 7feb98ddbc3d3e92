import { safeStorage } from 'electron';

/**
 * OS-protected storage for the database / workstation key. Fails closed: whenever the OS cannot
 * really protect the key (no keychain, or Linux's `basic_text` fallback, which is a hard-coded
 * password), these return null and the caller asks for a passphrase instead.
 */
export async function keyProtectionAvailable(platform: NodeJS.Platform = process.platform): Promise<boolean> {
  try {
    if (platform === 'linux') {
      const backend = safeStorage.getSelectedStorageBackend();
      if (backend === 'basic_text' || backend === 'unknown') return false;
    }
    return await safeStorage.isAsyncEncryptionAvailable();
  } catch {
    return false;
  }
}

/** Encrypts the raw key for storage on disk, or null when the OS cannot protect it. */
export async function wrapKey(key: Uint8Array, platform?: NodeJS.Platform): Promise<Buffer | null> {
  if (!(await keyProtectionAvailable(platform))) return null;
  try {
    return await safeStorage.encryptStringAsync(Buffer.from(key).toString('base64'));
  } catch {
    return null;
  }
}

/**
 * The raw key back, or null (unprotectable here, tampered, or from another user / machine).
 * `shouldReEncrypt` is the OS saying the blob was made under an old keychain key or scheme: the
 * caller wraps the key again and stores the new blob.
 */
export async function unwrapKey(blob: Uint8Array, platform?: NodeJS.Platform): Promise<{ key: Buffer; shouldReEncrypt: boolean } | null> {
  if (!(await keyProtectionAvailable(platform))) return null;
  try {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(blob));
    const key = Buffer.from(result, 'base64');
    return key.length > 0 ? { key, shouldReEncrypt } : null;
  } catch {
    return null;
  }
}
