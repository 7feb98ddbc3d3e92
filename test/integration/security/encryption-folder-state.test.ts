/**
 * What start-up and `casedesk db encrypt` make of a data folder's files: the PLAIN marker decided
 * in one place (resolveDatabaseAccess), and an encryption interrupted at any point finished by
 * running the command again. Real files; crashes are the on-disk states they leave.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../main/backend';
import { fixedClock } from '../../../main/backend/clock';
import { createDemoAgency } from '../../../main/backend/demo/demo';
import {
  createKeystore,
  databaseFileState,
  databaseFile,
  encryptDataDir,
  encryptingKeystoreFile,
  keystoreFile,
  markPlain,
  plainMarkerFile,
  resolveDatabaseAccess,
  unlockKeystore,
  WrongPassphraseError,
} from '../../../main/backend/keys';
import { CN_DAYTIME, tempDir } from '../../support/backend';

const FAST = { N: 2 ** 10 };
const PASS = 'correct horse battery';
const dirs: string[] = [];
const fresh = () => {
  const d = tempDir('casedesk-state-');
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const startup = (dataDir: string, log: string[] = []) =>
  resolveDatabaseAccess({ dataDir, plain: false, stdin: Object.assign(new PassThrough(), { isTTY: false }), stderr: new PassThrough(), log: (l) => log.push(l) });

describe('the PLAIN marker at start-up', () => {
  it('a folder made with --plain opens plain without the flag, and the log says so', async () => {
    const dataDir = fresh();
    createBackend({ dataDir, host: 'test', plain: true }).close();
    const log: string[] = [];
    expect(await startup(dataDir, log)).toEqual({ plain: true });
    expect(log.join('\n')).toMatch(/holds an unencrypted \(PLAIN\) database; opening it as such/);
    const quiet: string[] = [];
    const flagged = await resolveDatabaseAccess({ dataDir, plain: true, stdin: new PassThrough(), stderr: new PassThrough(), log: (l) => quiet.push(l) });
    expect(flagged).toEqual({ plain: true });
    expect(quiet).toEqual([]);
  });

  it('a folder with both a key store and a PLAIN marker is refused, with or without --plain', async () => {
    const dataDir = fresh();
    await createKeystore(dataDir, { passphrase: PASS, kdf: FAST });
    markPlain(dataDir);
    await expect(startup(dataDir)).rejects.toThrow(/both keystore\.json and a PLAIN marker/);
    await expect(resolveDatabaseAccess({ dataDir, plain: true, stdin: new PassThrough(), stderr: new PassThrough() })).rejects.toThrow(/both keystore\.json and a PLAIN marker/);
  });
});

function plainDemoFolder(cases = 8) {
  const dataDir = fresh();
  const backend = createBackend({ dataDir, host: 'test', plain: true, now: fixedClock(CN_DAYTIME).now });
  createDemoAgency(backend.app, { cases });
  backend.close();
  return dataDir;
}

/** The folder opens with the passphrase, as an encrypted one, with all its cases. */
async function opensEncrypted(dataDir: string, cases: number) {
  expect(fs.existsSync(plainMarkerFile(dataDir))).toBe(false);
  expect(fs.existsSync(encryptingKeystoreFile(dataDir))).toBe(false);
  const backend = createBackend({ dataDir, host: 'test', dbKey: await unlockKeystore(dataDir, { passphrase: PASS }) });
  expect((backend.app.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(cases);
  backend.close();
}

describe('an interrupted casedesk db encrypt', () => {
  /**
   * The PLAIN marker made a non-empty folder, so removing it fails: encryption stops exactly where
   * a crash while removing the marker would. The encrypted file is in place by then.
   */
  async function encryptStoppedAtMarker(dataDir: string) {
    fs.rmSync(plainMarkerFile(dataDir));
    fs.mkdirSync(plainMarkerFile(dataDir));
    fs.writeFileSync(path.join(plainMarkerFile(dataDir), 'x'), '');
    await expect(encryptDataDir(dataDir, PASS, { kdf: FAST })).rejects.toThrow();
    fs.rmSync(plainMarkerFile(dataDir), { recursive: true });
  }

  it('stops before publishing the key store when the marker cannot go, and running it again finishes', async () => {
    const dataDir = plainDemoFolder();
    await encryptStoppedAtMarker(dataDir);
    // Step 2 done, step 3 not: no keystore.json beside a marker, whatever happened to the marker.
    expect(databaseFileState(databaseFile(dataDir))).toBe('encrypted');
    expect(fs.existsSync(keystoreFile(dataDir))).toBe(false);
    expect(fs.existsSync(encryptingKeystoreFile(dataDir))).toBe(true);
    // The crash came before the marker's removal: it is still there.
    markPlain(dataDir);
    await expect(startup(dataDir)).rejects.toThrow(/was interrupted: finish it by running `casedesk db encrypt --data-dir/);
    expect(await encryptDataDir(dataDir, PASS, { kdf: FAST })).toEqual({ recoveryCode: null, resumed: true });
    await opensEncrypted(dataDir, 8);
  });

  it('finishes when the crash came after the marker went, before the key store was published', async () => {
    const dataDir = plainDemoFolder(5);
    await encryptStoppedAtMarker(dataDir);
    expect(fs.existsSync(plainMarkerFile(dataDir))).toBe(false);
    await expect(startup(dataDir)).rejects.toThrow(/was interrupted/);
    expect(await encryptDataDir(dataDir, PASS, { kdf: FAST })).toEqual({ recoveryCode: null, resumed: true });
    await opensEncrypted(dataDir, 5);
  });

  it('finishes a folder the earlier order left with keystore.json beside the PLAIN marker', async () => {
    const dataDir = plainDemoFolder(5);
    await encryptDataDir(dataDir, PASS, { kdf: FAST });
    markPlain(dataDir); // the earlier order published keystore.json first, then removed the marker
    await expect(startup(dataDir)).rejects.toThrow(/an interrupted `casedesk db encrypt --data-dir .*` left the marker; run it again to finish\. Do not delete keystore\.json/);
    await expect(encryptDataDir(dataDir, 'not the passphrase', { kdf: FAST })).rejects.toThrow(WrongPassphraseError);
    expect(fs.existsSync(plainMarkerFile(dataDir))).toBe(true);
    expect(await encryptDataDir(dataDir, PASS, { kdf: FAST })).toEqual({ recoveryCode: null, resumed: true });
    await opensEncrypted(dataDir, 5);
    await expect(encryptDataDir(dataDir, PASS, { kdf: FAST })).rejects.toThrow(/already encrypted/);
  });
});
