/**
 * The documented quick look (`--plain`, no passphrase file): the host boots as bootBackend does,
 * an export signs with the workstation key kept inside the plain database, the manifest verifies
 * and says how the key is kept. A plain workstation started with a passphrase keeps using it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../common/api/result';
import { bootBackend } from '../../../main/backend/boot';
import { DEMO_PASSWORD } from '../../../main/backend/demo/demo';
import { exportJobs } from '../../../main/backend/exports/jobs';
import { verifyManifest } from '../../../main/backend/exports/manifest';
import { PASSPHRASE_ENV } from '../../../main/backend/exports/signing';
import { loadIdentity } from '../../../main/backend/sync/identity';
import { KEPT_BY } from '../../../main/backend/sync/protection';
import { demoBackend } from '../../support/backend';
import { NOW, PERIOD } from './support';

const distDir = path.resolve(__dirname, '..', '..', '..', 'dist');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A demo database, closed, then booted the way the host boots it. */
function bootPlain(passphraseFile?: string) {
  const seeded = demoBackend({ cases: 20, now: NOW });
  const dataDir = seeded.dataDir;
  seeded.backend.close();
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const booted = bootBackend({ dataDir, host: 'web', access: { plain: true }, distDir, log: () => undefined, syncStartDelayMs: 60_000, purgeStartDelayMs: 60_000, now: () => new Date(NOW), ...(passphraseFile ? { passphraseFile } : {}) });
  cleanups.push(() => booted.stop());
  return { dataDir, backend: booted.backend };
}

async function exportAs(backend: ReturnType<typeof bootPlain>['backend']) {
  const login = (await backend.dispatch('auth.login', { username: 'wang.fang', password: DEMO_PASSWORD }, { token: undefined })) as Result<{ token: string }>;
  if (!login.ok) throw new Error(login.error.message);
  const started = (await backend.dispatch('exports.start', { kind: 'ledger', format: 'csv', ...PERIOD }, { token: login.value.token })) as Result<{ jobId: string }>;
  if (!started.ok) throw new Error(`${started.error.code}: ${started.error.message}`);
  return exportJobs.settled(backend.app, started.value.jobId);
}

describe('exports on a --plain workstation', () => {
  it('without a passphrase: signed with the key kept inside the database; the manifest verifies and says so', async () => {
    const saved = process.env[PASSPHRASE_ENV];
    delete process.env[PASSPHRASE_ENV];
    try {
      const { backend } = bootPlain();
      const job = await exportAs(backend);
      expect(job.state).toBe('done');
      const check = await verifyManifest(job.manifestFile ?? '', loadIdentity(backend.app.db)?.publicKeyPem);
      expect(check).toMatchObject({ ok: true, manifest: { keyKeptBy: KEPT_BY.plain } });
    } finally {
      if (saved !== undefined) process.env[PASSPHRASE_ENV] = saved;
    }
  });

  it('with a passphrase file: the key is kept by that passphrase, and the manifest says so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-pf-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const pf = path.join(dir, 'pass.txt');
    fs.writeFileSync(pf, 'a plain workstation passphrase\n', { mode: 0o600 });
    const { backend } = bootPlain(pf);
    const job = await exportAs(backend);
    const check = await verifyManifest(job.manifestFile ?? '');
    expect(check).toMatchObject({ ok: true, manifest: { keyKeptBy: KEPT_BY.passphrase } });
  });
});
