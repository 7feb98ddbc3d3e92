/**
 * Child-process entry for host tests: the real `runHost` (flags, unlock, process guards, browser
 * launch) over a stand-in build folder. argv: <distDir> …runHost flags. Exit codes as dist/launch.cjs.
 */
import { runHost } from '../../../../main/host/main';
import { UsageError } from '../../../../main/cli/io';

const [distDir, ...flags] = process.argv.slice(2);
if (!distDir) throw new Error('run-host: the first argument is the build folder');
runHost(flags, distDir).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(err instanceof UsageError ? 2 : 1);
});
