/**
 * `npm run stress [-- KILLS]`: the crash test with 1000 SIGKILLs (default). Bundled to
 * dist/stress/stress.cjs; the same file is the worker when started with --worker.
 */
import { runCrashTest, workerMain } from './crash';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--worker') return workerMain(args.slice(1));
  const kills = args[0] === undefined ? 1000 : Number(args[0]);
  if (!Number.isInteger(kills) || kills < 1) {
    console.error('usage: stress [KILLS (default 1000)]');
    process.exit(2);
  }
  const started = Date.now();
  const result = await runCrashTest({ kills, workerFile: __filename, log: (l) => console.log(l) });
  console.log(`stress OK in ${((Date.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(result)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
