/**
 * Owner-only files (issue 16, item 5): under a permissive umask (022, the usual one), every folder
 * CaseDesk creates is 0700 and every file in it 0600 — the database and its -wal/-shm, the PLAIN
 * marker, the key store, export files and their manifests — after `casedesk demo --plain`, a
 * `--plain` host start and an export; a folder an earlier build left 0755/0644 is tightened when opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, databasePath } from '../../../main/backend';
import { createKeystore } from '../../../main/backend/keys';
import { PASSPHRASE_ENV } from '../../../main/backend/exports/signing';
import { exportCommand } from '../../../main/cli/commands/export';
import { runCli } from '../../../main/cli/main';
import { tempDir } from '../../support/backend';
import { cliIo } from '../../support/cli';
import { exportBackend, PERIOD } from '../exports/support';
import { startHostProcess } from '../host/support/host-process';

const mode = (p: string) => fs.statSync(p).mode & 0o777;
const octal = (m: number) => m.toString(8);

/** Every entry under dir (not following links), with its mode in octal. */
function modesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': octal(mode(dir)) };
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, name);
    if (!fs.lstatSync(full).isSymbolicLink()) out[name] = octal(mode(full));
  }
  return out;
}

function expectPrivate(dir: string): void {
  const modes = modesUnder(dir);
  for (const [name, m] of Object.entries(modes)) {
    const isDir = fs.statSync(path.join(dir, name)).isDirectory();
    expect(m, `${name} in ${JSON.stringify(modes)}`).toBe(isDir ? '700' : '600');
  }
}

let savedUmask: number;
const scratch: string[] = [];
beforeAll(() => {
  savedUmask = process.umask(0o022);
});
afterAll(() => {
  process.umask(savedUmask);
  for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
});
const fresh = () => {
  const d = tempDir('casedesk-modes-');
  scratch.push(d);
  return d;
};

describe('file modes', () => {
  it('casedesk demo --plain: a new data folder 0700, its database, WAL, SHM and PLAIN 0600', async () => {
    const dataDir = path.join(fresh(), 'new', 'data');
    const c = cliIo();
    expect(await runCli(['demo', '--db', path.join(dataDir, 'casedesk.sqlite'), '--cases', '5', '--plain'], c.io), c.err()).toBe(0);
    expect(mode(path.join(dataDir, '..'))).toBe(0o700);
    // Open it as the app does, so the -wal and -shm exist while we look.
    const backend = createBackend({ dataDir, host: 'test', plain: true });
    try {
      expect(fs.existsSync(`${databasePath(dataDir)}-wal`)).toBe(true);
      expectPrivate(dataDir);
    } finally {
      backend.close();
    }
  }, 60_000);

  it('a --plain host start: the data folder and every file in it are owner-only', async () => {
    const dataDir = path.join(fresh(), 'host-data');
    const host = await startHostProcess({ dataDir, flags: ['--plain', '--no-open'] });
    try {
      expect(fs.existsSync(`${databasePath(dataDir)}-shm`)).toBe(true);
      expectPrivate(dataDir);
    } finally {
      await host.stop();
    }
  }, 60_000);

  it('an encrypted folder: the key store is 0600 too', async () => {
    const dataDir = path.join(fresh(), 'enc');
    const { key } = await createKeystore(dataDir, { passphrase: 'modes passphrase', kdf: { N: 2 ** 10 } });
    const backend = createBackend({ dataDir, host: 'test', dbKey: key });
    try {
      expectPrivate(dataDir);
    } finally {
      backend.close();
    }
  });

  it('a folder an earlier build left 0755 with 0644 files is tightened when opened', () => {
    const dataDir = path.join(fresh(), 'old');
    createBackend({ dataDir, host: 'test', plain: true }).close();
    fs.chmodSync(dataDir, 0o755);
    for (const f of fs.readdirSync(dataDir)) fs.chmodSync(path.join(dataDir, f), 0o644);
    createBackend({ dataDir, host: 'test', plain: true }).close();
    expectPrivate(dataDir);
  });

  it('an export: the file and its manifest 0600, a folder it creates 0700', async () => {
    const t = exportBackend();
    const saved = process.env[PASSPHRASE_ENV];
    process.env[PASSPHRASE_ENV] = 'modes export passphrase';
    try {
      const outDir = path.join(fresh(), 'exports', 'nov');
      const c = cliIo();
      const code = await exportCommand(['--db', databasePath(t.dataDir), '--kind', 'ledger', '--format', 'csv', '--from', PERIOD.from, '--to', PERIOD.to, '--out', path.join(outDir, 'ledger.csv')], c.io);
      expect(code, c.err()).toBe(0);
      expectPrivate(path.join(outDir, '..'));
    } finally {
      if (saved === undefined) delete process.env[PASSPHRASE_ENV];
      else process.env[PASSPHRASE_ENV] = saved;
      t.cleanup();
    }
  }, 60_000);
});
