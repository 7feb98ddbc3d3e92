/**
 * `npm start` without Electron, and the e2e tests' app: opens (or creates) the data folder, starts
 * the loopback host, then opens Chromium in app mode or prints the URL.
 *   --data-dir DIR   where the database lives (default: the OS app-data folder)
 *   --demo           create the demo agency if the database is empty (--cases N, default 5000)
 *   --port N         fixed port (default: random)
 *   --no-open        do not open a browser window
 *   --fake-now ISO   test mode only (CASEDESK_TEST=1): the clock starts at this instant and runs on
 *   --plain          an unencrypted database (demo and test opt-out). Otherwise it is encrypted: the
 *                    passphrase is asked on the terminal (twice on the first run, which also shows the
 *                    recovery code once) or read from the file CASEDESK_PASSPHRASE_FILE names
 */
import path from 'node:path';
import readline from 'node:readline/promises';
import { createDemoAgency, DEMO_PASSWORD } from '../backend/demo/demo';
import { bootBackend } from '../backend/boot';
import { passphraseFileFrom, resolveDatabaseAccess } from '../backend/keys';
import { defaultDataDir } from '../backend/paths';
import { usersRepo } from '../../db/repos/users';
import { parseFlags, positiveInt } from '../cli/args';
import { UsageError } from '../cli/io';
import { installProcessGuards } from '../backend/process-guard';
import { findChromium, openAppWindow, writeLaunchFile } from './browser';
import { LAUNCH_CODE_TTL_MS } from './launch-codes';
import { startHost } from './server';
import { trace } from '../backend/trace';

const USAGE = 'usage: npm start -- [--data-dir DIR] [--demo [--cases N]] [--port N] [--no-open] [--plain]';

/**
 * Tests pin "now" (guardrails depend on the borrower's local hour); the clock is the one system
 * edge they may move, and only in test mode.
 */
function fakeClock(value: string | undefined): (() => Date) | null {
  if (value === undefined) return null;
  if (process.env.CASEDESK_TEST !== '1') throw new UsageError('--fake-now is only accepted in test mode (CASEDESK_TEST=1)');
  const start = Date.parse(value);
  if (!Number.isFinite(start)) throw new UsageError(`--fake-now must be an ISO-8601 instant, got "${value}"`);
  const realStart = Date.now();
  return () => new Date(start + (Date.now() - realStart));
}

async function askYesNo(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await rl.question(`${question} [Y/n] `)).trim().toLowerCase();
    return answer === '' || answer === 'y' || answer === 'yes';
  } finally {
    rl.close();
  }
}

/** distDir: the build output folder holding renderer/ and host/bridge.js. */
export async function runHost(argv: readonly string[], distDir: string): Promise<void> {
  const { values } = parseFlags(
    argv,
    {
      'data-dir': { type: 'string' },
      demo: { type: 'boolean' },
      cases: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      'fake-now': { type: 'string' },
      plain: { type: 'boolean' },
    },
    USAGE,
  );
  if (process.env.CASEDESK_TEST === '1' && !values['data-dir']) {
    throw new UsageError('test mode (CASEDESK_TEST=1) needs an explicit --data-dir so tests never touch real data');
  }
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const port = values.port === undefined ? 0 : positiveInt(values.port, 'port', 0, 65535);
  const cases = positiveInt(values.cases, 'cases', 5000, 1_000_000);
  const log = (line: string) => process.stderr.write(`[casedesk] ${line}\n`);
  // A collector's unsaved form is on screen: a stray exception is logged by kind, not fatal.
  installProcessGuards(log);

  const now = fakeClock(values['fake-now']);
  // Encrypted unless --plain: unlock the key (creating it on the first run) before opening anything.
  const passphraseFile = passphraseFileFrom(undefined, process.env);
  // No path makes an unencrypted database without an explicit --plain: with no terminal to ask on
  // and no passphrase file, the start stops and says what to do (resolveDatabaseAccess).
  const access = await resolveDatabaseAccess({
    dataDir,
    // A folder marked PLAIN opens plain without the flag: resolveDatabaseAccess decides that, and says so.
    plain: values.plain === true,
    ...(passphraseFile ? { passphraseFile } : {}),
    stdin: process.stdin,
    stderr: process.stderr,
    log,
  });
  trace('database access resolved');
  const booted = bootBackend({ dataDir, host: 'web', access, passphraseFile, distDir, now: now ?? undefined, log });
  const { backend } = booted;
  trace('backend booted');
  if (usersRepo.all(backend.app.db).length === 0) {
    const wantDemo = values.demo === true || (await askYesNo(`No agency in ${dataDir} yet. Create the demo agency (${cases} cases)?`));
    if (wantDemo) {
      log(`creating the demo agency (${cases} cases) in ${dataDir} …`);
      const summary = createDemoAgency(backend.app, { cases });
      log(`demo agency ready: ${summary.cases} cases, ${summary.activities} prior activities`);
      log(`sign in as ${summary.defaultUser} (supervisor), zhang.wei (collector) or admin; demo password: ${DEMO_PASSWORD}`);
    } else {
      log('the database is empty: create the administrator in the app, or start again with --demo');
    }
  }

  const host = await startHost({
    backend,
    rendererDir: path.join(distDir, 'renderer'),
    bridgeFile: path.join(distDir, 'host', 'bridge.js'),
    port,
    log,
  });
  trace('host listening');
  const chromium = values['no-open'] ? null : findChromium();
  if (chromium) {
    // The window gets its own one-time code through an owner-only file, never through argv.
    let removeFile = (): void => undefined;
    const forward = writeLaunchFile(dataDir, host.launchUrl(() => removeFile()));
    removeFile = forward.remove;
    const expire = setTimeout(forward.remove, LAUNCH_CODE_TTL_MS);
    expire.unref();
    openAppWindow(chromium, forward.file, dataDir);
    log(`CaseDesk is open in ${path.basename(chromium)} (app mode). Data: ${dataDir}`);
  }
  // The one line tests and people wait for: a one-time link (single use, valid for a minute).
  process.stdout.write(`CaseDesk is serving at ${host.launchUrl()}\n`);
  trace('ready line written');
  const stop = async () => {
    await host.close();
    await booted.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
