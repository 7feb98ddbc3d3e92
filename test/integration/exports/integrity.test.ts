/**
 * The export's signed manifest says whether the rows behind its figures match their chain
 * records (issue 15, item 6): an activity edited in the database file (no_answer → connected,
 * under the dropped trigger) is counted in the performance export and named in its manifest.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyManifest, type ExportManifest } from '../../../main/backend/exports/manifest';
import { loadIdentity } from '../../../main/backend/sync/identity';
import { exportBackend, PERIOD, runJob } from './support';

let t: ReturnType<typeof exportBackend>;
beforeAll(() => {
  t = exportBackend({}, 40);
});
afterAll(() => t.cleanup());

const manifestOf = (file: string | undefined): ExportManifest => JSON.parse(fs.readFileSync(file ?? '', 'utf8')) as ExportManifest;
const integrityOf = (m: ExportManifest) => (m.version === 2 ? m.integrity : undefined);

describe('the export manifest and the chain', () => {
  it('a performance export of untouched rows says every counted row matched', async () => {
    const job = await runJob(t, { kind: 'performance', format: 'csv', ...PERIOD });
    expect(job.state).toBe('done');
    const m = manifestOf(job.manifestFile);
    expect(integrityOf(m)).toMatchObject({ checkedAgainst: 'chain', mismatches: 0 });
    expect(await verifyManifest(job.manifestFile ?? '', loadIdentity(t.db)?.publicKeyPem)).toMatchObject({ ok: true });
  });

  it('an edited activity is named in the signed manifest of the performance and conduct exports', async () => {
    const row = t.db
      .prepare("SELECT id FROM activities WHERE result = 'no_answer' AND at >= '2026-10-20' ORDER BY at DESC LIMIT 1")
      .get() as { id: string };
    t.db.exec('DROP TRIGGER activities_no_update');
    t.db.prepare("UPDATE activities SET result = 'connected' WHERE id = ?").run(row.id);
    for (const kind of ['performance', 'conduct', 'ledger'] as const) {
      const job = await runJob(t, { kind, format: 'csv', ...PERIOD });
      const m = manifestOf(job.manifestFile);
      expect(integrityOf(m), kind).toMatchObject({ mismatches: 1, examples: [{ kind: 'activity', id: row.id, problem: 'differs' }] });
      // Signed: the flag cannot be stripped from the manifest without breaking its signature.
      expect(await verifyManifest(job.manifestFile ?? '', loadIdentity(t.db)?.publicKeyPem)).toMatchObject({ ok: true });
    }
  });
});
