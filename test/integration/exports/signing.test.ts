/**
 * The manifest is signed with the workstation's Ed25519 identity (sync/identity.ts): created
 * through those helpers when missing, reused when present; without a way to unlock the key the
 * export is refused before anything is written.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createIdentity, loadIdentity } from '../../../main/backend/sync/identity';
import { configureExports, PASSPHRASE_ENV } from '../../../main/backend/exports/signing';
import { verifyManifest } from '../../../main/backend/exports/manifest';
import { demoBackend } from '../../support/backend';
import { NOW, PERIOD, runJob, testProtector } from './support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function backend() {
  const t = demoBackend({ cases: 30, now: NOW });
  cleanups.push(t.cleanup);
  return t;
}

describe('signing the manifest', () => {
  it('refuses to start (CONFLICT, nothing written) when the host cannot unlock the workstation key', async () => {
    const saved = process.env[PASSPHRASE_ENV];
    delete process.env[PASSPHRASE_ENV];
    try {
      const t = backend();
      const r = await t.backend.dispatch('exports.start', { kind: 'activities', format: 'csv', ...PERIOD });
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/signed with the workstation key/) } });
      expect(t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export.start'").get()).toEqual({ n: 0 });
      expect(fs.existsSync(`${t.dataDir}/exports`)).toBe(false);
    } finally {
      if (saved !== undefined) process.env[PASSPHRASE_ENV] = saved;
    }
  });

  it('creates the workstation key through the sync identity helpers when there is none', async () => {
    const t = backend();
    expect(loadIdentity(t.db)).toBeUndefined();
    configureExports(t.backend.app, { protector: testProtector() });
    const job = await runJob(t, { kind: 'performance', format: 'csv', ...PERIOD });
    const identity = loadIdentity(t.db);
    expect(identity?.workstationId).toBe(t.backend.app.workstationId);
    expect(await verifyManifest(job.manifestFile ?? '', identity?.publicKeyPem)).toMatchObject({ ok: true });
  });

  it('reuses an existing key (the one progress reports are signed with)', async () => {
    const t = backend();
    const identity = createIdentity(t.db, t.backend.app.workstationId, testProtector(), new Date(NOW));
    configureExports(t.backend.app, { protector: testProtector() });
    const first = await runJob(t, { kind: 'ledger', format: 'csv', ...PERIOD });
    const second = await runJob(t, { kind: 'ledger', format: 'csv', ...PERIOD });
    for (const job of [first, second]) expect(await verifyManifest(job.manifestFile ?? '', identity.publicKeyPem)).toMatchObject({ ok: true });
    expect(loadIdentity(t.db)).toEqual(identity);
  });
});
