/**
 * Entry of the backend utility process (bundled to dist/electron/backend-process.cjs). SQLite is
 * synchronous, so it lives here, never on Electron's main thread. The database key arrives as the
 * first message from the main process (backend-access.ts), not in the environment.
 */
import type { ParentPort } from 'electron/utility';
import path from 'node:path';
import { bootBackend } from '../backend/boot';
import { createDemoAgency } from '../backend/demo/demo';
import { usersRepo } from '../../db/repos/users';
import { installProcessGuards } from '../backend/process-guard';
import { accessFromMessage } from './backend-access';
import type { Backend } from '../backend/types';
import { parseBackendArgs } from './backend-protocol';
import { serveAfterAccess, serveBackend, unavailableBackend } from './backend-serve';

function main(): void {
  installProcessGuards((line) => process.stderr.write(`[backend] ${line}\n`));
  const port = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  if (!port) {
    process.stderr.write('backend-process must be started by Electron utilityProcess.fork\n');
    process.exit(2);
  }
  // Set once the backend has booted: stopping it lets a purge batch in flight commit, stops sync
  // and closes the database, which a bare close() left to race process.exit.
  let stopBooted: (() => Promise<void>) | undefined;
  const exit = (backend: Backend | null) => {
    const stopped = stopBooted ? stopBooted() : Promise.resolve(backend?.close());
    void stopped.catch((err: unknown) => process.stderr.write(`[backend] stop failed: ${err instanceof Error ? err.message : String(err)}\n`)).finally(() => process.exit(0));
  };
  const args = parseBackendArgs(process.argv.slice(2));
  if (!args.ok) {
    serveBackend(port, unavailableBackend(args.message), () => exit(null));
    return;
  }
  serveAfterAccess(
    port,
    (message) => {
      const access = accessFromMessage(message);
      if ('error' in access) throw new Error(access.error);
      const booted = bootBackend({
        host: 'electron',
        dataDir: args.dataDir,
        access,
        passphraseFile: args.launch.passphraseFile ?? process.env.CASEDESK_PASSPHRASE_FILE,
        nativeBinding: args.nativeBinding,
        distDir: path.resolve(__dirname, '..'),
        log: (line: string) => process.stderr.write(`[backend] ${line}\n`),
      });
      stopBooted = () => booted.stop();
      // `npm start -- --demo` under Electron, as under the host: the demo agency on an empty database.
      if (args.launch.demo && usersRepo.all(booted.backend.app.db).length === 0) {
        createDemoAgency(booted.backend.app, { cases: args.launch.demo.cases });
      }
      return { dispatch: (n, i, s) => booted.backend.dispatch(n, i, s), close: () => void booted.stop() };
    },
    exit,
  );
}

main();
