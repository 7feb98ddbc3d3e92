/**
 * Data folders encrypted by the builds before AEGIS-256: their database is under SQLite3MultipleCiphers'
 * SQLCipher scheme (the old build set `cipher = 'sqlcipher'` before the raw key) and their key store
 * says `cipher: 'sqlcipher4-raw-key'`. Made here the old way, with the driver and the key-store
 * helpers directly, then opened, rotated and recovered through the normal paths.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { keyOpens, migrate, openDatabase, WrongKeyError, type Db } from '../../../db/open';
import { workstationIdOf } from '../../../main/backend';
import { bootBackend } from '../../../main/backend/boot';
import { fixedClock } from '../../../main/backend/clock';
import { newAppState, type AppContext } from '../../../main/backend/context';
import { createDemoAgency } from '../../../main/backend/demo/demo';
import {
  databaseFile,
  KeystoreTamperedError,
  keystoreFile,
  pendingKeystoreFile,
  readKeystore,
  resolveDatabaseAccess,
  rotateKey,
  UnknownCipherError,
  unlockDatabaseKey,
  unlockKeystore,
} from '../../../main/backend/keys';
import { serialize, sign, wrapWithSecret } from '../../../main/backend/keys/format';
import { newRecoveryCode, normalizeRecoveryCode } from '../../../main/backend/keys/recovery-code';
import { dbCommand } from '../../../main/cli/commands/db';
import { runCli } from '../../../main/cli/main';
import { CN_DAYTIME, tempDir } from '../../support/backend';
import { cliIo as io } from '../../support/cli';

const FAST = { N: 2 ** 10 };
const PASS = 'the old passphrase';
const LEGACY = 'sqlcipher4-raw-key';
const distDir = path.resolve(__dirname, '..', '..', '..', 'dist');

const dirs: string[] = [];
const fresh = () => {
  const d = tempDir('casedesk-legacy-');
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const noTerminal = () => Object.assign(new PassThrough(), { isTTY: false });
const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function passFile(text: string): string {
  const f = path.join(fresh(), 'pass');
  fs.writeFileSync(f, `${text}\n`, { mode: 0o600 });
  return f;
}

/** A data folder as the earlier build left it: SQLCipher pages under a raw key, and its key store. */
function legacyFolder(cases = 12) {
  const dataDir = fresh();
  const key = randomBytes(32);
  // The earlier build's openDatabase: `cipher = 'sqlcipher'`, the raw key, WAL, then migrations.
  const db = new Database(databaseFile(dataDir)) as unknown as Db;
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const app: AppContext = { db, clock: fixedClock(CN_DAYTIME), dataDir, host: 'cli', workstationId: workstationIdOf(db), log: () => undefined, services: {}, state: newAppState() };
  createDemoAgency(app, { cases });
  db.close();
  // The earlier build's key store: the same version-1 document with the old cipher literal.
  const recoveryCode = newRecoveryCode();
  const doc = sign(
    {
      format: 'casedesk-keystore',
      version: 1,
      cipher: LEGACY,
      generation: 1,
      slots: { passphrase: wrapWithSecret(key, PASS, FAST), recovery: wrapWithSecret(key, normalizeRecoveryCode(recoveryCode) ?? '', FAST) },
    },
    key,
  );
  fs.writeFileSync(keystoreFile(dataDir), serialize(doc), { mode: 0o600 });
  return { dataDir, key, recoveryCode, file: databaseFile(dataDir) };
}

describe('a data folder encrypted by an earlier build (SQLCipher 4)', () => {
  it('is made the way the earlier build made it: the SQLCipher pragmas open it, the AEGIS ones do not', () => {
    const { file, key } = legacyFolder(3);
    expect(keyOpens(file, key, undefined, LEGACY)).toBe(true);
    expect(keyOpens(file, key)).toBe(false);
    expect(() => openDatabase(file, { key })).toThrow(WrongKeyError);
  });

  it('opens through the normal start-up path, and stays SQLCipher', async () => {
    const { dataDir, key, file } = legacyFolder();
    const before = fs.readFileSync(keystoreFile(dataDir), 'utf8');
    const access = await resolveDatabaseAccess({ dataDir, plain: false, passphraseFile: passFile(PASS), stdin: noTerminal(), stderr: new PassThrough() });
    expect(access).toEqual({ dbKey: key, dbCipher: LEGACY });
    const lines: string[] = [];
    const booted = bootBackend({ dataDir, host: 'web', access, distDir, log: (l) => lines.push(l), syncStartDelayMs: 60_000 });
    try {
      const { db } = booted.backend.app;
      expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(count(db, 'cases')).toBe(12);
      const status = await booted.backend.dispatch('auth.status', {}, undefined);
      expect(status.ok).toBe(true);
    } finally {
      await booted.stop();
    }
    expect(keyOpens(file, key, undefined, LEGACY)).toBe(true);
    expect(fs.readFileSync(keystoreFile(dataDir), 'utf8')).toBe(before);
  });

  it('the CLI opens it with its passphrase file (db time-zone, report export)', async () => {
    const { dataDir, file } = legacyFolder();
    const pf = passFile(PASS);
    const tz = io();
    expect(await dbCommand(['time-zone', '--data-dir', dataDir, '--passphrase-file', pf], tz.io)).toBe(0);
    expect(tz.out()).toMatch(/\//);
    const out = path.join(fresh(), 'report');
    const rep = io();
    expect(await runCli(['report', 'export', '--db', file, '--placement', 'CN-2026-Q4', '--out', out, '--passphrase-file', pf], rep.io), rep.err()).toBe(0);
    const v = io();
    expect(await runCli(['report', 'verify', out], v.io), v.err()).toBe(0);
  }, 60_000);

  it('casedesk export opens it with its own cipher and writes the export', async () => {
    const { file } = legacyFolder(3);
    const s = io();
    const out = path.join(fresh(), 'a.csv');
    const code = await runCli(['export', '--db', file, '--kind', 'activities', '--format', 'csv', '--from', '2025-01-01', '--to', '2026-12-31', '--out', out, '--passphrase-file', passFile(PASS)], s.io);
    expect(code, s.err()).toBe(0);
    expect(s.err()).not.toMatch(/key is wrong/);
    const lines = fs.readFileSync(out, 'utf8').split('\r\n').filter((l) => l.length > 0);
    expect(lines[0]).toMatch(/^\uFEFF时间 Time \(UTC\),/);
    expect(lines.length).toBeGreaterThan(1);
    expect(fs.existsSync(`${out}.manifest.json`)).toBe(true);
  });

  it('casedesk db rekey rotates it within SQLCipher: new key, same cipher, old key retired', async () => {
    const { dataDir, key, file } = legacyFolder();
    const s = io();
    expect(await dbCommand(['rekey', '--data-dir', dataDir, '--passphrase-file', passFile(PASS)], s.io)).toBe(0);
    expect(s.out()).toMatch(/rotated \(generation 2\)/);
    const doc = readKeystore(dataDir);
    expect(doc).toMatchObject({ cipher: LEGACY, generation: 2 });
    const rotated = await unlockDatabaseKey(dataDir, { passphrase: PASS });
    expect(rotated.cipher).toBe(LEGACY);
    expect(rotated.key.equals(key)).toBe(false);
    expect(keyOpens(file, key, undefined, LEGACY)).toBe(false);
    expect(keyOpens(file, rotated.key, undefined, LEGACY)).toBe(true);
    const db = openDatabase(file, rotated);
    expect(count(db, 'cases')).toBe(12);
    db.close();
  });

  it('casedesk db recover: the recovery code sets a new passphrase, and the rotation after it keeps the cipher', async () => {
    const { dataDir, recoveryCode, file } = legacyFolder(3);
    const s = io();
    const np = passFile('a brand new passphrase');
    expect(await dbCommand(['recover', '--data-dir', dataDir, '--recovery-code', recoveryCode, '--new-passphrase-file', np], s.io)).toBe(0);
    const unlocked = await unlockDatabaseKey(dataDir, { passphrase: 'a brand new passphrase' });
    expect(unlocked.cipher).toBe(LEGACY);
    expect(keyOpens(file, unlocked.key, undefined, LEGACY)).toBe(true);
    await expect(unlockKeystore(dataDir, { passphrase: PASS })).rejects.toThrow(/wrong passphrase/);
  });

  it('finishes a rotation interrupted after the re-key, testing keys with the folder’s own cipher', async () => {
    const { dataDir, key, file } = legacyFolder(3);
    const db = openDatabase(file, { key, cipher: LEGACY });
    const before = fs.readFileSync(keystoreFile(dataDir));
    const rotated = await rotateKey(dataDir, db, { passphrase: PASS }, { kdf: FAST });
    db.close();
    // "Re-keyed, not yet renamed": the old store back in place, the new one as .tmp.
    fs.renameSync(keystoreFile(dataDir), pendingKeystoreFile(dataDir));
    fs.writeFileSync(keystoreFile(dataDir), before);
    const notices: string[] = [];
    expect(await unlockDatabaseKey(dataDir, { passphrase: PASS }, { onNotice: (m) => notices.push(m) })).toEqual({ key: rotated.key, cipher: LEGACY });
    expect(notices.join(' ')).toMatch(/interrupted key rotation was completed/);
    expect(fs.existsSync(pendingKeystoreFile(dataDir))).toBe(false);
    // "Written .tmp, never re-keyed": the current key still opens the SQLCipher file, so the .tmp goes.
    fs.writeFileSync(pendingKeystoreFile(dataDir), '{"half": "written');
    expect(await unlockDatabaseKey(dataDir, { passphrase: PASS })).toEqual({ key: rotated.key, cipher: LEGACY });
    expect(fs.existsSync(pendingKeystoreFile(dataDir))).toBe(false);
  });

  it('new folders keep AEGIS-256: the start-up path of a fresh folder writes aegis256-raw-key and an AEGIS file', async () => {
    const dataDir = fresh();
    const stderr = new PassThrough();
    const access = await resolveDatabaseAccess({ dataDir, plain: false, passphraseFile: passFile(PASS), stdin: noTerminal(), stderr });
    expect(access).not.toHaveProperty('dbCipher');
    expect(readKeystore(dataDir).cipher).toBe('aegis256-raw-key');
    const booted = bootBackend({ dataDir, host: 'web', access, distDir, log: () => undefined, syncStartDelayMs: 60_000 });
    expect(booted.backend.app.db.pragma('cipher', { simple: true })).toBe('aegis');
    await booted.stop();
  });
});

describe('a key store naming a cipher this build does not know', () => {
  it('is refused with an error that names the cipher, not as damage', async () => {
    const { dataDir } = legacyFolder(2);
    const doc = JSON.parse(fs.readFileSync(keystoreFile(dataDir), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(keystoreFile(dataDir), JSON.stringify({ ...doc, cipher: 'chacha20-poly1305-v9' }));
    const start = resolveDatabaseAccess({ dataDir, plain: false, passphraseFile: passFile(PASS), stdin: noTerminal(), stderr: new PassThrough() });
    await expect(start).rejects.toThrow(UnknownCipherError);
    await expect(unlockKeystore(dataDir, { passphrase: PASS })).rejects.toThrow(/cipher "chacha20-poly1305-v9", which this CaseDesk does not know/);
    await expect(unlockKeystore(dataDir, { passphrase: PASS })).rejects.not.toThrow(/damaged/);
    // Anything else wrong besides the cipher is still damage.
    fs.writeFileSync(keystoreFile(dataDir), JSON.stringify({ ...doc, cipher: 'chacha20-poly1305-v9', generation: 'two' }));
    await expect(unlockKeystore(dataDir, { passphrase: PASS })).rejects.toThrow(KeystoreTamperedError);
  });

  it('swapping the cipher between the two known ones is caught by the MAC', async () => {
    const { dataDir } = legacyFolder(2);
    const doc = JSON.parse(fs.readFileSync(keystoreFile(dataDir), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(keystoreFile(dataDir), JSON.stringify({ ...doc, cipher: 'aegis256-raw-key' }));
    await expect(unlockKeystore(dataDir, { passphrase: PASS })).rejects.toThrow(KeystoreTamperedError);
  });
});
