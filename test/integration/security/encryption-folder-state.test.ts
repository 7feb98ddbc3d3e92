/**
 * What start-up and `casedesk db encrypt` make of a data folder's files: the PLAIN marker decided
 * in one place (resolveDatabaseAccess), and an encryption interrupted at any point finished by
 * running the command again. Real files; crashes are the on-disk states they leave.
 */
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../main/backend';
import { createKeystore, markPlain, resolveDatabaseAccess } from '../../../main/backend/keys';
import { tempDir } from '../../support/backend';

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
