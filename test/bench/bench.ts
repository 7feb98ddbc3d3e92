/**
 * `npm run bench [-- --json] [--scale N] [--keep DIR] [--reuse DIR]`
 * Seeds 100,000 cases / ~1,000,000 activities with the demo generator (divided by --scale), then
 * measures the figures in test/bench/targets.ts (plus the encryption cost when its measurement exists)
 * and prints a table; with --json, one JSON line last. --keep DIR seeds into DIR and keeps it;
 * --reuse DIR runs on a data folder a previous --keep left (no seeding; for profiling);
 * --only a,b runs only those benchmarks; --effort full samples a small scale as long as a full run.
 * Not part of `npm test`: test/integration/bench-smoke.test.ts runs it at --scale 100.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend, databasePath } from '../../main/backend';
import { fixedClock } from '../../main/backend/clock';
import type { BenchContext, Figure } from './context';
import { benchEncryption } from './encryption';
import { benchExportCsv, EXPORT_CHILD } from './export-csv';
import { benchGuardrailEval } from './guardrail-eval';
import { benchLogContact } from './log-contact';
import { machine } from './machine';
import { benchQueue } from './queue';
import { benchReportSign } from './report-sign';
import { sizesFor } from './scale';
import { benchSearch } from './search';
import { describeSeeded, seedDatabase } from './seed';
import { benchStartup } from './startup';
import { renderTable } from './table';
import type { BenchKey } from './targets';
import { benchSyncPush } from './sync-push';

/** Wednesday 25 Nov 2026, 11:00 in Shanghai: a working day, inside every preset's calling hours for CN. */
const BENCH_NOW = '2026-11-25T03:00:00.000Z';

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\nusage: npm run bench -- [--json] [--scale N] [--keep DIR] [--reuse DIR]\n`);
  process.exit(2);
}

function flags() {
  let values;
  try {
    values = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        scale: { type: 'string', default: '1' },
        keep: { type: 'string' },
        reuse: { type: 'string' },
        only: { type: 'string' },
        effort: { type: 'string', default: 'auto' },
        db: { type: 'string' },
        out: { type: 'string' },
        now: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (err) {
    usage((err as Error).message);
  }
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000) usage('--scale must be a whole number from 1 to 1000 (a divisor of the full size)');
  if (values.keep && values.reuse) usage('--keep and --reuse are exclusive');
  if (values.effort !== 'auto' && values.effort !== 'full') usage('--effort is auto or full');
  return { ...values, scale };
}

async function main(): Promise<void> {
  const f = flags();
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const sizes = sizesFor(f.scale, f.effort === 'full' ? 'full' : 'auto');
  const clock = fixedClock(BENCH_NOW);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-bench-'));
  const dataDir = path.resolve(f.reuse ?? f.keep ?? path.join(scratch, 'data'));
  const only = f.only ? new Set(f.only.split(',')) : null;
  const want = (k: string) => only === null || only.has(k);

  log(`scale 1/${sizes.divisor}: ${sizes.cases.toLocaleString('en-US')} cases, ~${(sizes.cases * sizes.activitiesPerCase).toLocaleString('en-US')} activities`);
  const seed = f.reuse ? describeSeeded(dataDir, clock) : seedDatabase(dataDir, clock, sizes, log);
  if (seed.seconds !== null) log(`seeded in ${seed.seconds.toFixed(1)} s`);

  const backend = createBackend({ dataDir, host: 'test', now: clock.now, user: 'wang.fang' });
  const ctx: BenchContext = { root: process.cwd(), dataDir, dbFile: databasePath(dataDir), backend, clock, sizes, scratch, log };
  const figures: Partial<Record<BenchKey, Figure>> = {};
  const errors: Partial<Record<BenchKey, string>> = {};
  const run = async (key: BenchKey, fn: () => Promise<Figure>) => {
    if (!want(key)) {
      errors[key] = 'skipped (--only)';
      return;
    }
    log(`${key} …`);
    try {
      figures[key] = await fn();
    } catch (err) {
      errors[key] = err instanceof Error ? err.message.split('\n')[0] ?? err.message : String(err);
      log(`${key} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  };
  let backendOpen = true;
  try {
    await run('queue', () => benchQueue(ctx));
    await run('search', () => benchSearch(ctx));
    await run('guardrail_eval', () => benchGuardrailEval(ctx));
    await run('log_contact', () => benchLogContact(ctx));
    await run('report_sign', () => benchReportSign(ctx));
    // The export child and the host open the file themselves; fold the WAL in and step aside.
    backend.app.db.pragma('wal_checkpoint(TRUNCATE)');
    backend.close();
    backendOpen = false;
    await run('export_csv', () => benchExportCsv(ctx, path.join(path.dirname(process.argv[1] ?? ''), EXPORT_CHILD)));
    await run('sync_push', () => benchSyncPush(ctx));
    await run('startup', () => benchStartup(ctx));
  } finally {
    if (backendOpen) backend.close();
  }

  let encryption: { queue: number; log_contact: number } | string | null = null;
  let encryptionJson: Record<string, unknown> | undefined;
  if (want('encryption')) {
    log('encryption …');
    try {
      const e = await benchEncryption(sizes.encryptionCases);
      if (e.ok) {
        encryption = { queue: e.value.queue.ratio, log_contact: e.value.log_contact.ratio };
        encryptionJson = e.value;
      } else encryption = e.reason;
    } catch (err) {
      encryption = `failed: ${(err as Error).message.split('\n')[0]}`;
    }
  }

  process.stdout.write(`\nCaseDesk bench — ${seed.cases.toLocaleString('en-US')} cases, ${seed.activities.toLocaleString('en-US')} activities` + (seed.seconds !== null ? `, seeded in ${seed.seconds.toFixed(1)} s` : ' (reused)') + '\n');
  process.stdout.write(`${renderTable(figures, errors, encryption)}\n`);
  if (f.json) {
    const m = machine();
    const out = {
      ...figures,
      ...(encryptionJson ? { encryption: encryptionJson } : {}),
      ...(Object.keys(errors).length > 0 ? { errors } : {}),
      machine: { cores: m.cores, memory_gb: m.memory_gb, node: m.node, cpu: m.cpu, platform: m.platform, date: m.date },
      scale: { divisor: sizes.divisor, cases: seed.cases, activities: seed.activities, seed_seconds: seed.seconds },
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  // The scratch folder holds the database only without --keep/--reuse; either way it goes.
  fs.rmSync(scratch, { recursive: true, force: true });
  process.exitCode = Object.keys(errors).filter((k) => errors[k as BenchKey] !== 'skipped (--only)').length > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
