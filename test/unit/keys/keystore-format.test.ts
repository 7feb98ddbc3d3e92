/** keystore.json's format, the recovery code and the small helpers around them (real files in temp dirs). */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkDataDirMode,
  createKeystore,
  DataDirModeError,
  databaseFileState,
  keystoreFile,
  markPlain,
  normalizeRecoveryCode,
  readPassphraseFile,
  unlockKeystore,
  type PlatformKeyWrapper,
} from '../../../main/backend/keys';
import { newRecoveryCode } from '../../../main/backend/keys/recovery-code';
import { tempDir } from '../../support/backend';

const dirs: string[] = [];
const fresh = () => {
  const d = tempDir('casedesk-keys-');
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('recovery codes', () => {
  it('are 8 groups of 5 Crockford base32 characters, all different', () => {
    const codes = Array.from({ length: 50 }, newRecoveryCode);
    for (const c of codes) expect(c).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('read back as typed by a person: case, spaces, dashes and look-alike letters do not matter', () => {
    const code = newRecoveryCode();
    const canonical = code.replace(/-/g, '');
    expect(normalizeRecoveryCode(code)).toBe(canonical);
    expect(normalizeRecoveryCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(canonical);
    expect(normalizeRecoveryCode('0000O-1111I-1111L-00000-00000-00000-00000-00000')).toBe('0'.repeat(5) + '1'.repeat(10) + '0'.repeat(25));
    expect(normalizeRecoveryCode('too short')).toBeNull();
    expect(normalizeRecoveryCode('UUUUU-UUUUU-UUUUU-UUUUU-UUUUU-UUUUU-UUUUU-UUUUU')).toBeNull();
  });
});

describe('keystore.json', () => {
  it('is versioned, records the KDF (scrypt N=2^17, r=8, p=1 by default), is owner-only and holds no key in the clear', async () => {
    const dir = fresh();
    const { key, recoveryCode } = await createKeystore(dir, { passphrase: 'a long enough passphrase' });
    const text = fs.readFileSync(keystoreFile(dir), 'utf8');
    const doc = JSON.parse(text) as Record<string, unknown> & { slots: Record<string, Record<string, unknown>> };
    expect(doc).toMatchObject({ format: 'casedesk-keystore', version: 1, cipher: 'aegis256-raw-key', generation: 1 });
    expect(Object.keys(doc.slots).sort()).toEqual(['passphrase', 'recovery']);
    for (const slot of Object.values(doc.slots)) expect(slot).toMatchObject({ v: 1, kdf: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    expect(doc.slots.passphrase?.salt).not.toBe(doc.slots.recovery?.salt);
    for (const secret of [key.toString('hex'), key.toString('base64'), recoveryCode, recoveryCode.replace(/-/g, ''), 'a long enough passphrase']) {
      expect(text).not.toContain(secret);
    }
    if (process.platform !== 'win32') expect(fs.statSync(keystoreFile(dir)).mode & 0o077).toBe(0);
    expect(key.length).toBe(32);
  });

  it('adds an OS-keychain slot only when the wrapper can protect the key', async () => {
    const sealed: PlatformKeyWrapper = { wrap: async (k) => Buffer.concat([Buffer.from('sealed:'), k]), unwrap: async (b) => b.subarray(7) };
    const a = fresh();
    expect((await createKeystore(a, { passphrase: 'passphrase one', platform: sealed, kdf: { N: 2 ** 10 } })).platformWrapped).toBe(true);
    expect(JSON.parse(fs.readFileSync(keystoreFile(a), 'utf8')).slots.platform.scheme).toBe('os-keychain');
    const b = fresh();
    const none: PlatformKeyWrapper = { wrap: async () => null, unwrap: async () => null };
    expect((await createKeystore(b, { passphrase: 'passphrase two', platform: none, kdf: { N: 2 ** 10 } })).platformWrapped).toBe(false);
    expect(JSON.parse(fs.readFileSync(keystoreFile(b), 'utf8')).slots.platform).toBeUndefined();
  });

  it('refuses a short passphrase, a second key store and a folder marked plain', async () => {
    await expect(createKeystore(fresh(), { passphrase: 'short' })).rejects.toThrow(/at least 8 characters/);
    const dir = fresh();
    await createKeystore(dir, { passphrase: 'long enough one', kdf: { N: 2 ** 10 } });
    await expect(createKeystore(dir, { passphrase: 'long enough one', kdf: { N: 2 ** 10 } })).rejects.toThrow(/already has a key store/);
    const plain = fresh();
    markPlain(plain);
    await expect(createKeystore(plain, { passphrase: 'long enough one' })).rejects.toThrow(DataDirModeError);
  });

  it('with no credentials at all says so', async () => {
    const dir = fresh();
    await createKeystore(dir, { passphrase: 'long enough one', kdf: { N: 2 ** 10 } });
    await expect(unlockKeystore(dir, {})).rejects.toThrow(/no passphrase, recovery code or keychain/);
  });
});

describe('data-folder mode', () => {
  it('tells a plain SQLite file from an encrypted one by its first bytes', () => {
    const dir = fresh();
    const file = path.join(dir, 'casedesk.sqlite');
    expect(databaseFileState(file)).toBe('absent');
    fs.writeFileSync(file, '');
    expect(databaseFileState(file)).toBe('absent');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]));
    expect(databaseFileState(file)).toBe('plain');
    fs.writeFileSync(file, Buffer.alloc(4096, 7));
    expect(databaseFileState(file)).toBe('encrypted');
  });

  it('refuses the two contradictions: a key for a plain folder, plain for an encrypted one', async () => {
    const plain = fresh();
    markPlain(plain);
    expect(() => checkDataDirMode(plain, 'encrypted')).toThrow(/casedesk db encrypt/);
    expect(() => checkDataDirMode(plain, 'plain')).not.toThrow();
    const enc = fresh();
    await createKeystore(enc, { passphrase: 'long enough one', kdf: { N: 2 ** 10 } });
    expect(() => checkDataDirMode(enc, 'plain')).toThrow(/refusing to open it as plain/);
    expect(() => checkDataDirMode(enc, 'unspecified')).toThrow(DataDirModeError);
    expect(() => checkDataDirMode(enc, 'encrypted')).not.toThrow();
  });
});

describe('passphrase files', () => {
  it('use the first line, keep inner spaces, refuse empty or missing files', () => {
    const dir = fresh();
    const f = path.join(dir, 'pass');
    fs.writeFileSync(f, '  spaced out passphrase \r\nsecond line\n');
    expect(readPassphraseFile(f)).toBe('  spaced out passphrase ');
    fs.writeFileSync(f, '\n');
    expect(() => readPassphraseFile(f)).toThrow(/is empty/);
    expect(() => readPassphraseFile(path.join(dir, 'nope'))).toThrow(/cannot read the passphrase file/);
  });
});
