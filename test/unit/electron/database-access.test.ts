/** The Electron shell's start-up decision on real data folders (the keychain is the recorded fake). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../../main/backend';
import { recorder } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { settleDatabaseAccess } = await import('../../../main/electron/database-access');

let dataDir: string;
beforeEach(() => {
  recorder.reset();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-db-access-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('settleDatabaseAccess', () => {
  it('opens a folder marked PLAIN as plain without --plain, and logs it (the rule lives in resolveDatabaseAccess)', async () => {
    createBackend({ dataDir, host: 'test', plain: true }).close();
    const log: string[] = [];
    expect(await settleDatabaseAccess(dataDir, ['electron', '.'], {}, undefined, (l) => log.push(l))).toEqual({ plain: true });
    expect(log.join('\n')).toMatch(/unencrypted \(PLAIN\) database; opening it as such/);
  });

  it('without a marker, a key store or a passphrase file explains what is missing', async () => {
    const log: string[] = [];
    const access = await settleDatabaseAccess(dataDir, ['electron', '.'], {}, undefined, (l) => log.push(l));
    expect(access).toEqual({ error: expect.stringMatching(/CASEDESK_PASSPHRASE_FILE|--plain/) });
  });

  it('wraps the key again when the OS keychain says shouldReEncrypt, and the new blob still opens the database', async () => {
    const pass = path.join(dataDir, '..', `${path.basename(dataDir)}.pass`);
    fs.writeFileSync(pass, 'a long enough passphrase for tests', { mode: 0o600 });
    const first = await settleDatabaseAccess(dataDir, ['electron', '.', '--passphrase-file', pass], {}, undefined, () => undefined);
    expect('dbKey' in first).toBe(true);
    const before = JSON.parse(fs.readFileSync(path.join(dataDir, 'keystore.json'), 'utf8')) as { slots: { platform?: unknown } };
    expect(before.slots.platform).toBeDefined();
    recorder.shouldReEncrypt = true;
    const log: string[] = [];
    const second = await settleDatabaseAccess(dataDir, ['electron', '.'], {}, undefined, (l) => log.push(l));
    expect(second).toEqual(first);
    expect(log.join('\n')).toMatch(/wrapped again; done/);
    const after = JSON.parse(fs.readFileSync(path.join(dataDir, 'keystore.json'), 'utf8')) as { slots: { platform?: unknown }; mac: string };
    expect(after.slots.platform).toBeDefined();
    recorder.shouldReEncrypt = false;
    expect(await settleDatabaseAccess(dataDir, ['electron', '.'], {}, undefined, () => undefined)).toEqual(first);
    fs.rmSync(pass, { force: true });
  });
});
