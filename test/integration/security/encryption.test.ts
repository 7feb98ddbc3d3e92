/**
 * Encryption at rest on real files: the demo agency written through the real backend into an
 * encrypted database, then the raw bytes searched for the borrowers' names and phone numbers.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { keyOpens, openDatabase, rekey, WrongKeyError, type Db } from '../../../db/open';
import { createBackend, databasePath } from '../../../main/backend';
import { fixedClock } from '../../../main/backend/clock';
import { createDemoAgency } from '../../../main/backend/demo/demo';
import {
  changePassphrase,
  createKeystore,
  DataDirModeError,
  encryptDataDir,
  KeystoreTamperedError,
  keystoreFile,
  pendingKeystoreFile,
  readKeystore,
  resolveDatabaseAccess,
  rotateKey,
  unlockKeystore,
  WrongPassphraseError,
  WrongRecoveryCodeError,
  type PlatformKeyWrapper,
} from '../../../main/backend/keys';
import { CN_DAYTIME, tempDir } from '../../support/backend';

const FAST = { N: 2 ** 12 };
const PASS = 'correct horse battery';
const dirs: string[] = [];
const fresh = () => {
  const d = tempDir('casedesk-enc-');
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function secretsOf(db: Db): string[] {
  const names = db.prepare<[], { v: string }>('SELECT full_name AS v FROM borrowers').all().map((r) => r.v);
  const phones = db.prepare<[], { v: string }>("SELECT value AS v FROM contact_points WHERE kind IN ('mobile','phone')").all().map((r) => r.v);
  const ids = db.prepare<[], { v: string }>("SELECT national_id AS v FROM borrowers WHERE national_id <> ''").all().map((r) => r.v);
  return [...names, ...phones, ...ids];
}

/** The database file and whatever journal files sit beside it, as raw bytes. */
function rawBytes(file: string): Buffer[] {
  return ['', '-wal', '-journal'].filter((s) => fs.existsSync(file + s)).map((s) => fs.readFileSync(file + s));
}

const found = (haystacks: Buffer[], needles: string[]) => needles.filter((n) => haystacks.some((h) => h.includes(Buffer.from(n, 'utf8'))));

function demoFolder(opts: { dbKey: Buffer } | { plain: true }, cases = 60) {
  const dataDir = fresh();
  const backend = createBackend({ dataDir, host: 'test', now: fixedClock(CN_DAYTIME).now, ...opts });
  createDemoAgency(backend.app, { cases });
  return { dataDir, backend, file: databasePath(dataDir) };
}

describe('the encrypted database file', () => {
  it('holds none of the demo borrowers’ names (Chinese and English), phone numbers or ID numbers — in the file or its WAL', () => {
    const { backend, file } = demoFolder({ dbKey: randomBytes(32) });
    const secrets = secretsOf(backend.app.db);
    expect(secrets.some((s) => /[\u4e00-\u9fff]/.test(s))).toBe(true);
    expect(secrets.some((s) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(s))).toBe(true);
    expect(secrets.some((s) => /^1\d{10}$/.test(s))).toBe(true);
    expect(found(rawBytes(file), secrets)).toEqual([]); // while open: the WAL holds recent pages
    backend.close();
    const bytes = rawBytes(file);
    expect(bytes.reduce((n, b) => n + b.length, 0)).toBeGreaterThan(100_000);
    expect(found(bytes, secrets)).toEqual([]);
    expect(bytes[0]?.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('control: the same search finds them in a --plain database, so the test can see plaintext', () => {
    const { backend, file } = demoFolder({ plain: true }, 20);
    const secrets = secretsOf(backend.app.db);
    backend.close();
    expect(found(rawBytes(file), secrets).length).toBeGreaterThan(secrets.length / 2);
  });

  it('opens only with its key: a wrong key and no key are refused clearly, the right key works', () => {
    const key = randomBytes(32);
    const { backend, file } = demoFolder({ dbKey: key }, 10);
    backend.close();
    expect(() => openDatabase(file, { key: randomBytes(32) })).toThrow(WrongKeyError);
    expect(() => openDatabase(file, { key: randomBytes(32) })).toThrow(/key is wrong or the file is not a CaseDesk database/);
    expect(() => openDatabase(file)).toThrow(WrongKeyError);
    const db = openDatabase(file, { key });
    expect(db.pragma('cipher', { simple: true })).toBe('aegis');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect((db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(10);
    db.close();
  });

  it('re-keys: afterwards the old key fails and the new one opens the same data', () => {
    const oldKey = randomBytes(32);
    const { backend, file } = demoFolder({ dbKey: oldKey }, 10);
    const cases = (backend.app.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    const newKey = randomBytes(32);
    rekey(backend.app.db, newKey);
    expect(backend.app.db.pragma('journal_mode', { simple: true })).toBe('wal');
    backend.close();
    expect(keyOpens(file, oldKey)).toBe(false);
    expect(() => openDatabase(file, { key: oldKey })).toThrow(WrongKeyError);
    const db = openDatabase(file, { key: newKey });
    expect((db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(cases);
    db.close();
  });
});

describe('the data folder says whether it is encrypted', () => {
  it('refuses an encrypted folder without a key or with --plain, and a plain one with a key', () => {
    const enc = demoFolder({ dbKey: randomBytes(32) }, 5);
    enc.backend.close();
    expect(() => createBackend({ dataDir: enc.dataDir, host: 'test' })).toThrow(DataDirModeError);
    expect(() => createBackend({ dataDir: enc.dataDir, host: 'test', plain: true })).toThrow(/encrypted database; refusing to open it as plain/);

    const plain = demoFolder({ plain: true }, 5);
    plain.backend.close();
    expect(fs.existsSync(path.join(plain.dataDir, 'PLAIN'))).toBe(true);
    expect(() => createBackend({ dataDir: plain.dataDir, host: 'test', dbKey: randomBytes(32) })).toThrow(/plain \(unencrypted, --plain\) database/);
    createBackend({ dataDir: plain.dataDir, host: 'test', plain: true }).close();
  });
});

describe('the key store with a database', () => {
  it('creates a key that opens the database; passphrase, recovery code and a keychain that falls back', async () => {
    const dataDir = fresh();
    const store = new Map<string, Buffer>();
    const keychain: PlatformKeyWrapper = {
      wrap: async (key) => {
        store.set('blob', Buffer.from(key));
        return Buffer.from('os-sealed');
      },
      unwrap: async () => store.get('blob') ?? null,
    };
    const { key, recoveryCode, platformWrapped } = await createKeystore(dataDir, { passphrase: PASS, platform: keychain, kdf: FAST });
    expect(platformWrapped).toBe(true);
    const backend = createBackend({ dataDir, host: 'test', dbKey: key });
    createDemoAgency(backend.app, { cases: 5 });
    backend.close();

    expect(await unlockKeystore(dataDir, { platform: keychain })).toEqual(key);
    expect(await unlockKeystore(dataDir, { passphrase: PASS })).toEqual(key);
    expect(await unlockKeystore(dataDir, { recoveryCode: recoveryCode.toLowerCase() })).toEqual(key);
    // Linux basic_text / no keychain: the wrapper answers null and the passphrase is asked for.
    const basicText: PlatformKeyWrapper = { wrap: async () => null, unwrap: async () => null };
    await expect(unlockKeystore(dataDir, { platform: basicText })).rejects.toThrow(/enter the passphrase/);
    expect(await unlockKeystore(dataDir, { platform: basicText, passphrase: PASS })).toEqual(key);
    await expect(unlockKeystore(dataDir, { passphrase: 'not the passphrase' })).rejects.toThrow(WrongPassphraseError);
    await expect(unlockKeystore(dataDir, { recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' })).rejects.toThrow(WrongRecoveryCodeError);
    createBackend({ dataDir, host: 'test', dbKey: await unlockKeystore(dataDir, { passphrase: PASS }) }).close();
  });

  it('refuses a tampered key store', async () => {
    const dataDir = fresh();
    await createKeystore(dataDir, { passphrase: PASS, kdf: FAST });
    const original = fs.readFileSync(keystoreFile(dataDir), 'utf8');
    const doc = JSON.parse(original) as { generation: number; slots: { passphrase: { ct: string }; recovery: { salt: string } } };

    // An entry that opens but a document changed elsewhere: the MAC catches it.
    fs.writeFileSync(keystoreFile(dataDir), JSON.stringify({ ...doc, generation: doc.generation + 1 }));
    await expect(unlockKeystore(dataDir, { passphrase: PASS })).rejects.toThrow(KeystoreTamperedError);
    // The wrapped key itself altered: GCM refuses it.
    const ct = Buffer.from(doc.slots.passphrase.ct, 'base64');
    ct[0] = (ct[0] ?? 0) ^ 1;
    fs.writeFileSync(keystoreFile(dataDir), JSON.stringify({ ...doc, slots: { ...doc.slots, passphrase: { ...doc.slots.passphrase, ct: ct.toString('base64') } } }));
    await expect(unlockKeystore(dataDir, { passphrase: PASS })).rejects.toThrow(/altered/);
    // Not a key store at all.
    fs.writeFileSync(keystoreFile(dataDir), '{"format":"casedesk-keystore"');
    await expect(unlockKeystore(dataDir, { passphrase: PASS })).rejects.toThrow(KeystoreTamperedError);
    fs.rmSync(keystoreFile(dataDir));
    await expect(unlockKeystore(dataDir, { passphrase: PASS })).rejects.toThrow(/keystore\.json is missing/);
  });

  it('changes the passphrase, and the recovery code resets a forgotten one', async () => {
    const dataDir = fresh();
    const { key, recoveryCode } = await createKeystore(dataDir, { passphrase: PASS, kdf: FAST });
    await changePassphrase(dataDir, { passphrase: PASS }, 'second passphrase', { kdf: FAST });
    await expect(unlockKeystore(dataDir, { passphrase: PASS })).rejects.toThrow(WrongPassphraseError);
    await changePassphrase(dataDir, { recoveryCode }, 'third passphrase', { kdf: FAST });
    expect(await unlockKeystore(dataDir, { passphrase: 'third passphrase' })).toEqual(key);
  });

  it('rotates the key: database re-keyed, slots rewrapped, new recovery code, old key and code retired', async () => {
    const dataDir = fresh();
    const first = await createKeystore(dataDir, { passphrase: PASS, kdf: FAST });
    const backend = createBackend({ dataDir, host: 'test', dbKey: first.key });
    createDemoAgency(backend.app, { cases: 5 });
    const rotated = await rotateKey(dataDir, backend.app.db, { passphrase: PASS }, { kdf: FAST });
    backend.close();
    expect(rotated.generation).toBe(2);
    expect(fs.existsSync(pendingKeystoreFile(dataDir))).toBe(false);
    expect(keyOpens(databasePath(dataDir), first.key)).toBe(false);
    expect(await unlockKeystore(dataDir, { passphrase: PASS })).toEqual(rotated.key);
    expect(await unlockKeystore(dataDir, { recoveryCode: rotated.recoveryCode })).toEqual(rotated.key);
    await expect(unlockKeystore(dataDir, { recoveryCode: first.recoveryCode })).rejects.toThrow(WrongRecoveryCodeError);
    createBackend({ dataDir, host: 'test', dbKey: rotated.key }).close();
  });

  it('survives a crash on either side of the re-key (keystore.json.tmp left behind)', async () => {
    const dataDir = fresh();
    const first = await createKeystore(dataDir, { passphrase: PASS, kdf: FAST });
    const backend = createBackend({ dataDir, host: 'test', dbKey: first.key });
    createDemoAgency(backend.app, { cases: 5 });
    // Rotate, then put the old key store back with the new one as .tmp: "re-keyed, not yet renamed".
    const before = fs.readFileSync(keystoreFile(dataDir));
    const rotated = await rotateKey(dataDir, backend.app.db, { passphrase: PASS }, { kdf: FAST });
    backend.close();
    fs.renameSync(keystoreFile(dataDir), pendingKeystoreFile(dataDir));
    fs.writeFileSync(keystoreFile(dataDir), before);
    const notices: string[] = [];
    expect(await unlockKeystore(dataDir, { passphrase: PASS }, { onNotice: (m) => notices.push(m) })).toEqual(rotated.key);
    expect(notices.join(' ')).toMatch(/interrupted key rotation was completed/);
    expect(fs.existsSync(pendingKeystoreFile(dataDir))).toBe(false);

    // "Written .tmp, never re-keyed": the database still opens with keystore.json; the .tmp is dropped.
    fs.writeFileSync(pendingKeystoreFile(dataDir), '{"half": "written');
    expect(await unlockKeystore(dataDir, { passphrase: PASS })).toEqual(rotated.key);
    expect(fs.existsSync(pendingKeystoreFile(dataDir))).toBe(false);
  });

  it('encrypts a plain data folder: same content, no plaintext left in the file, PLAIN marker gone', async () => {
    const { dataDir, backend, file } = demoFolder({ plain: true }, 20);
    const secrets = secretsOf(backend.app.db);
    const cases = (backend.app.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    backend.close();
    const { recoveryCode } = await encryptDataDir(dataDir, PASS, { kdf: FAST });
    expect(recoveryCode).toMatch(/^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$/);
    expect(fs.existsSync(path.join(dataDir, 'PLAIN'))).toBe(false);
    expect(found(rawBytes(file), secrets)).toEqual([]);
    const key = await unlockKeystore(dataDir, { passphrase: PASS });
    const reopened = createBackend({ dataDir, host: 'test', dbKey: key });
    expect((reopened.app.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(cases);
    reopened.close();
    await expect(encryptDataDir(dataDir, PASS, { kdf: FAST })).rejects.toThrow(/already encrypted/);
  });
});

describe('start-up (resolveDatabaseAccess)', () => {
  it('puts the key back into a working OS keychain after a passphrase unlock, and never into basic_text', async () => {
    const dataDir = fresh();
    const pf = path.join(fresh(), 'pass');
    fs.writeFileSync(pf, `${PASS}\n`);
    const { key } = await createKeystore(dataDir, { passphrase: PASS, kdf: FAST });
    const stdin = Object.assign(new PassThrough(), { isTTY: false });
    const stderr = new PassThrough();
    const basicText: PlatformKeyWrapper = { wrap: async () => null, unwrap: async () => null };
    const first = await resolveDatabaseAccess({ dataDir, plain: false, passphraseFile: pf, stdin, stderr, platform: basicText });
    expect(first).toEqual({ dbKey: key });
    expect(readKeystore(dataDir).slots.platform).toBeUndefined();
    const sealed = new Map<string, Buffer>();
    const keychain: PlatformKeyWrapper = {
      wrap: async (k) => (sealed.set('k', Buffer.from(k)), Buffer.from('sealed')),
      unwrap: async () => sealed.get('k') ?? null,
    };
    await resolveDatabaseAccess({ dataDir, plain: false, passphraseFile: pf, stdin, stderr, platform: keychain });
    expect(readKeystore(dataDir).slots.platform?.scheme).toBe('os-keychain');
    // Next start: the keychain alone opens it, no passphrase file needed.
    expect(await resolveDatabaseAccess({ dataDir, plain: false, stdin, stderr, platform: keychain })).toEqual({ dbKey: key });
    await expect(resolveDatabaseAccess({ dataDir, plain: false, stdin, stderr, platform: basicText })).rejects.toThrow(/no terminal/);
  });
});
