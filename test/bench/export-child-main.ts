/**
 * The export_csv child's entry (dist/bench/export-child.cjs): a bundle of its own so the process
 * whose peak RSS is measured holds the export engine and nothing of the bench harness (seeding,
 * the other benchmarks, the browser driver), as the CLI's export would.
 * `node dist/bench/export-child.cjs --db FILE --out DIR --now ISO [--iterations N]`
 */
import { parseArgs } from 'node:util';
import { runExportChild } from './export-child';

function fail(message: string): never {
  process.stderr.write(`export-child: ${message}\nusage: export-child.cjs --db FILE --out DIR --now ISO [--iterations N]\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { db?: string; out?: string; now?: string; iterations?: string };
  try {
    ({ values } = parseArgs({ options: { db: { type: 'string' }, out: { type: 'string' }, now: { type: 'string' }, iterations: { type: 'string', default: '3' } }, strict: true }));
  } catch (err) {
    fail((err as Error).message);
  }
  const iterations = Number(values.iterations);
  if (!values.db || !values.out || !values.now) fail('--db, --out and --now are required');
  if (!Number.isInteger(iterations) || iterations < 1) fail('--iterations must be a whole number from 1');
  const result = await runExportChild({ db: values.db, out: values.out, now: values.now, iterations });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`export-child: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
