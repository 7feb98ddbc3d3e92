/**
 * Entry of the backend utility process (bundled to dist/electron/backend-process.cjs). SQLite is
 * synchronous, so it lives here, never on Electron's main thread.
 */
import type { ParentPort } from 'electron/utility';
import path from 'node:path';
import { bootBackend } from '../backend/boot';
import { takeAccessFromEnv } from './backend-access';
import type { Backend } from '../backend/types';
import { parseBackendArgs } from './backend-protocol';
import { serveBackend, unavailableBackend } from './backend-serve';

function main(): void {
  const port = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  if (!port) {
    process.stderr.write('backend-process must be started by Electron utilityProcess.fork\n');
    process.exit(2);
  }
  const args = parseBackendArgs(process.argv.slice(2));
  let backend: Backend;
  if (!args.ok) {
    backend = unavailableBackend(args.message);
  } else {
    const access = takeAccessFromEnv(process.env);
    try {
      if ('error' in access) throw new Error(access.error);
      const booted = bootBackend({
        host: 'electron',
        dataDir: args.dataDir,
        access,
        passphraseFile: process.env.CASEDESK_PASSPHRASE_FILE,
        nativeBinding: args.nativeBinding,
        distDir: path.resolve(__dirname, '..'),
        log: (line: string) => process.stderr.write(`[backend] ${line}\n`),
      });
      backend = { dispatch: (n, i, s) => booted.backend.dispatch(n, i, s), close: () => void booted.stop() };
    } catch (err) {
      // Answer every call with the reason instead of crash-looping (e.g. a database newer than the app).
      backend = unavailableBackend(err instanceof Error ? err.message : String(err));
    }
  }
  serveBackend(port, backend, () => {
    backend.close();
    process.exit(0);
  });
}

main();
