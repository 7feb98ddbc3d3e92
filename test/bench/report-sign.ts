/**
 * report_sign: building and signing the next progress report of a placement that has 10,000 new
 * records since its last one (createReport: read the chain run, build, canonicalise, sign, store,
 * queue — one transaction; the report row keeps its frame, the chain already holds the records),
 * on the seeded database. The placement is the demo lender's and new, so
 * its reports carry exactly the records appended before each run. Bare: SHA-256 of the same report
 * bytes plus one Ed25519 signature over them.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { newId } from '../../common/ids';
import { placementsRepo } from '../../db/repos/placements';
import { reportsRepo } from '../../db/repos/reports';
import { stmt } from '../../db/repos/statements';
import { createReport } from '../../main/backend/reports/create';
import { reportText } from '../../main/backend/reports/text';
import { createIdentity, loadIdentity, unlockSigner, type Signer } from '../../main/backend/sync/identity';
import { appendContacts, type FillTarget } from './chain-fill';
import { toUnit, type BenchContext, type Figure } from './context';
import { BENCH_PROTECTOR as protector } from './identity';
import { measure } from './measure';


function benchSigner(ctx: BenchContext): Signer {
  const { app } = ctx.backend;
  const identity = loadIdentity(app.db) ?? createIdentity(app.db, app.workstationId, protector, ctx.clock.now());
  return unlockSigner(identity, protector);
}

function benchPlacement(ctx: BenchContext): FillTarget {
  const { db } = ctx.backend.app;
  const source = stmt(db, "SELECT * FROM placements WHERE preset = 'cn' AND code NOT LIKE 'BENCH-%' ORDER BY code LIMIT 1").get() as Parameters<typeof placementsRepo.insert>[1] | undefined;
  if (!source) throw new Error('report_sign: no mainland placement in the seeded database');
  const id = newId();
  placementsRepo.insert(db, { ...source, id, code: `BENCH-${id.slice(-6)}`, name: `${source.name} (bench)` });
  const cases = stmt(db, 'SELECT id, assignee_id FROM cases WHERE placement_id = ? ORDER BY reference LIMIT 500').all(source.id) as { id: string; assignee_id: string }[];
  const collectorId = cases[0]?.assignee_id;
  if (!collectorId) throw new Error('report_sign: the mainland placement has no assigned cases');
  return { placementId: id, caseIds: cases.map((c) => c.id), collectorId };
}

export async function benchReportSign(ctx: BenchContext): Promise<Figure & { records: number }> {
  const { app } = ctx.backend;
  const signer = benchSigner(ctx);
  const target = benchPlacement(ctx);
  const n = ctx.sizes.reportRecords;
  let lastReportId: string | null = null;
  const ours = await measure(
    'report_sign',
    () => {
      const info = createReport(app, signer, { placementId: target.placementId });
      if (info.records !== n) throw new Error(`report_sign: the report carries ${info.records} records, expected ${n}`);
      lastReportId = info.id;
    },
    { ...ctx.sizes.heavy, beforeEach: () => appendContacts(app, target, n) },
  );
  if (lastReportId === null) throw new Error('report_sign: no report was made');
  const row = reportsRepo(app.db).byId(lastReportId);
  if (!row) throw new Error('report_sign: the last report is not stored');
  // The signed text (the stored frame with the chain's records spliced back), not the frame alone.
  const bytes = Buffer.from(reportText(app.db, row), 'utf8');
  if (JSON.parse(bytes.toString('utf8')).chain.links.length < n) throw new Error('report_sign: the signed text lacks its links');
  const { privateKey } = generateKeyPairSync('ed25519');
  const bare = await measure(
    'report_sign (bare hash + sign)',
    () => {
      createHash('sha256').update(bytes).digest();
      sign(null, bytes, privateKey);
    },
    ctx.sizes.quick,
  );
  return { ...toUnit(ours, 'ms'), unit: 'ms', ratio: ours.median / bare.median, bare: toUnit(bare, 'ms'), samples: ours.samples, records: n };
}
