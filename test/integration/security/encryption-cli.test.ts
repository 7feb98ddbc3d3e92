/** The command-line side of encryption at rest: `casedesk demo` with and without --plain, and `casedesk db …`. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { cliIo as io } from '../../support/cli';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, WrongKeyError } from '../../../db/open';
import { createBackend } from '../../../main/backend';
import { createKeystore, keystoreFile, unlockKeystore } from '../../../main/backend/keys';
import { dbCommand } from '../../../main/cli/commands/db';
import { runCli } from '../../../main/cli/main';
import { tempDir } from '../../support/backend';

const dirs: string[] = [];
const fresh = () => {
  const d = tempDir('casedesk-enc-cli-');
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function passFile(dir: string, name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, `${text}\n`, { mode: 0o600 });
  return f;
}

const CODE = /(([0-9A-Z]{5}-){7}[0-9A-Z]{5})/;

describe('casedesk demo', () => {
  it('--plain writes a plain file (and marks a data folder PLAIN)', async () => {
    const dir = fresh();
    const file = path.join(dir, 'casedesk.sqlite');
    const s = io();
    expect(await runCli(['demo', '--db', file, '--cases', '20', '--plain'], s.io)).toBe(0);
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(20);
    db.close();
    expect(fs.existsSync(path.join(dir, 'PLAIN'))).toBe(true);
  });

  it('without a passphrase writes a plain demo (invented data), says so, and marks the folder PLAIN', async () => {
    const dir = fresh();
    const file = path.join(dir, 'casedesk.sqlite');
    const s = io();
    expect(await runCli(['demo', '--db', file, '--cases', '5'], s.io)).toBe(0);
    expect(s.err()).toMatch(/unencrypted demo database .*--passphrase-file F to encrypt/);
    expect(fs.existsSync(path.join(dir, 'PLAIN'))).toBe(true);
    expect(fs.existsSync(keystoreFile(dir))).toBe(false);
    expect((new Database(file, { readonly: true }).prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(5);
  });

  it('--encrypt without a passphrase file and without a terminal is a usage error, writing nothing', async () => {
    const dir = fresh();
    const file = path.join(dir, 'casedesk.sqlite');
    const s = io();
    expect(await runCli(['demo', '--db', file, '--cases', '5', '--encrypt'], s.io)).toBe(2);
    expect(s.err()).toMatch(/--encrypt needs a passphrase: give --passphrase-file F/);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(keystoreFile(dir))).toBe(false);
  });

  it('with --passphrase-file writes an encrypted database and its key store, and shows the recovery code once', async () => {
    const dir = fresh();
    const file = path.join(dir, 'casedesk.sqlite');
    const s = io({ terminal: true });
    const pf = passFile(fresh(), 'pass', 'demo passphrase 1');
    expect(await runCli(['demo', '--db', file, '--cases', '10', '--passphrase-file', pf], s.io)).toBe(0);
    expect(s.out()).toMatch(CODE);
    expect(s.err()).not.toMatch(CODE);
    expect(s.out() + s.err()).not.toContain('demo passphrase 1');
    expect(() => new Database(file, { readonly: true }).prepare('SELECT 1 FROM cases').get()).toThrow(/not a database/);
    const key = await unlockKeystore(dir, { passphrase: 'demo passphrase 1' });
    const backend = createBackend({ dataDir: dir, host: 'test', dbKey: key });
    expect((backend.app.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(10);
    backend.close();
  });
});

describe('casedesk db', () => {
  async function encryptedFolder() {
    const dataDir = fresh();
    const { key, recoveryCode } = await createKeystore(dataDir, { passphrase: 'first passphrase', kdf: { N: 2 ** 10 } });
    createBackend({ dataDir, host: 'test', dbKey: key }).close();
    return { dataDir, key, recoveryCode };
  }

  it('rekey: a new key and recovery code; the old key no longer opens the database', async () => {
    const { dataDir, key } = await encryptedFolder();
    const s = io({ terminal: true });
    const pf = passFile(fresh(), 'p', 'first passphrase');
    expect(await dbCommand(['rekey', '--data-dir', dataDir, '--passphrase-file', pf], s.io)).toBe(0);
    expect(s.out()).toMatch(/rotated \(generation 2\)/);
    expect(s.out()).toMatch(CODE);
    expect(s.err()).not.toMatch(CODE);
    expect(() => openDatabase(path.join(dataDir, 'casedesk.sqlite'), { key })).toThrow(WrongKeyError);
    const newKey = await unlockKeystore(dataDir, { passphrase: 'first passphrase' });
    expect(newKey.equals(key)).toBe(false);
    createBackend({ dataDir, host: 'test', dbKey: newKey }).close();
  });

  it('recover: the recovery code sets a new passphrase and is then retired by a rotation', { timeout: 90_000 }, async () => {
    const { dataDir, recoveryCode } = await encryptedFolder();
    const s = io({ terminal: true });
    const np = passFile(fresh(), 'np', 'brand new passphrase');
    expect(await dbCommand(['recover', '--data-dir', dataDir, '--recovery-code', recoveryCode, '--new-passphrase-file', np], s.io)).toBe(0);
    const newCode = CODE.exec(s.out())?.[1];
    expect(newCode).toBeDefined();
    expect(newCode).not.toBe(recoveryCode);
    const key = await unlockKeystore(dataDir, { passphrase: 'brand new passphrase' });
    expect(await unlockKeystore(dataDir, { recoveryCode: newCode ?? '' })).toEqual(key);
    await expect(unlockKeystore(dataDir, { recoveryCode })).rejects.toThrow(/wrong recovery code/);
    await expect(unlockKeystore(dataDir, { passphrase: 'first passphrase' })).rejects.toThrow(/wrong passphrase/);
    const bad = io();
    await expect(dbCommand(['recover', '--data-dir', dataDir, '--recovery-code', recoveryCode, '--new-passphrase-file', np], bad.io)).rejects.toThrow(/wrong recovery code/);
  });

  it('encrypt: converts a --plain data folder', async () => {
    const dataDir = fresh();
    const plain = createBackend({ dataDir, host: 'test', plain: true });
    plain.close();
    const s = io({ terminal: true });
    const pf = passFile(fresh(), 'p', 'encrypting passphrase');
    expect(await dbCommand(['encrypt', '--data-dir', dataDir, '--passphrase-file', pf], s.io)).toBe(0);
    expect(s.out()).toMatch(CODE);
    expect(fs.existsSync(path.join(dataDir, 'PLAIN'))).toBe(false);
    const key = await unlockKeystore(dataDir, { passphrase: 'encrypting passphrase' });
    createBackend({ dataDir, host: 'test', dbKey: key }).close();
    expect(() => createBackend({ dataDir, host: 'test', plain: true })).toThrow(/encrypted database/);
  });

  it('gives usage errors for a missing data dir or subcommand', async () => {
    await expect(dbCommand(['rekey'], io().io)).rejects.toThrow(/missing --data-dir/);
    await expect(dbCommand(['nonsense', '--data-dir', fresh()], io().io)).rejects.toThrow(/unknown db subcommand/);
  });
});
