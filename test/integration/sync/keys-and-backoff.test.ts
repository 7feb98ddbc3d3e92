import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../../common/domain/chain/canonical';
import { publicKeyFromPem, verifyBytes } from '../../../main/backend/crypto/ed25519';
import { hookProtector, KeyUnwrapError, passphraseProtector } from '../../../main/backend/crypto/protect';
import { backoffDelay } from '../../../main/backend/sync/backoff';
import { createIdentity, loadIdentity, unlockSigner } from '../../../main/backend/sync/identity';
import { openTestApp, tempDir } from './fixtures';

describe('workstation key at rest', () => {
  it('wraps with scrypt N=2^17 + AES-256-GCM by default; the wrong passphrase or a flipped bit is refused', () => {
    const p = passphraseProtector('the right passphrase');
    const secret = utf8('pkcs8 bytes stand-in');
    const wrapped = p.wrapKey(secret);
    const blob = JSON.parse(new TextDecoder().decode(wrapped)) as { N: number; r: number; p: number; kdf: string };
    expect(blob).toMatchObject({ kdf: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    expect(new TextDecoder().decode(wrapped)).not.toContain('pkcs8 bytes');
    expect(p.unwrapKey(wrapped)).toEqual(secret);
    expect(() => passphraseProtector('the wrong passphrase').unwrapKey(wrapped)).toThrow(KeyUnwrapError);
    // Tampering, at a cheaper cost (the blob records N, so the check is the same).
    const cheap = passphraseProtector('the right passphrase', { N: 2 ** 10 });
    const obj = JSON.parse(new TextDecoder().decode(cheap.wrapKey(secret))) as { ct: string };
    const ct = Buffer.from(obj.ct, 'base64');
    ct[0] = ct[0]! ^ 1;
    const flipped = utf8(JSON.stringify({ ...obj, ct: ct.toString('base64') }));
    expect(() => cheap.unwrapKey(flipped)).toThrow(/wrong passphrase for the workstation key \(or the key blob was altered\)/);
    expect(() => passphraseProtector('short')).toThrow(/at least 8/);
  });

  it('stores the identity in the database; a hook protector (safeStorage) is used the same way', () => {
    const tmp = tempDir();
    const app = openTestApp(join(tmp.dir, 'ws.sqlite'));
    try {
      const xor = (b: Uint8Array) => b.map((x) => x ^ 0x5a);
      const protector = hookProtector({ wrapKey: xor, unwrapKey: xor });
      const identity = createIdentity(app.db, app.workstationId, protector, new Date());
      expect(loadIdentity(app.db)).toEqual(identity);
      const signer = unlockSigner(identity, protector);
      const sig = signer.sign(utf8('hello'));
      expect(sig.length).toBe(64);
      expect(verifyBytes(utf8('hello'), sig, publicKeyFromPem(identity.publicKeyPem))).toBe(true);
      expect(() => unlockSigner(identity, passphraseProtector('another passphrase', { N: 2 ** 10 }))).toThrow(/protected by "os-keychain"/);
    } finally {
      app.db.close();
      tmp.cleanup();
    }
  });
});

describe('backoff', () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };
  it('doubles per failure, with jitter between half and all of the cap, and is capped', () => {
    expect(backoffDelay(0, policy, () => 0.5)).toBe(0);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelay(40, policy, () => 1)).toBe(60_000);
  });
});
