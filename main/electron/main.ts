/** Electron entry (bundled to dist/electron/main.cjs). All behaviour lives in start.ts and below. */
import { app } from 'electron';
import { installProcessGuards } from '../backend/process-guard';
import { startApp } from './start';

const log = (line: string) => process.stderr.write(`[casedesk] ${line}\n`);
installProcessGuards(log);
const started = startApp({ distDir: __dirname, argv: process.argv, env: process.env, resourcesPath: process.resourcesPath, log });
if (started.started) {
  // A failed start-up (keychain, database access, window) says why and quits; it never hangs windowless.
  started.ready.catch((err: unknown) => {
    log(`start-up failed: ${err instanceof Error ? err.message : String(err)}`);
    app.exit(1);
  });
}
