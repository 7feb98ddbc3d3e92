/**
 * `casedesk demo --db FILE [--cases N] [--seed S] [--plain | --passphrase-file F]`: writes the demo
 * agency into a new database. With a passphrase (a file, or asked on a terminal with --encrypt) it is
 * encrypted: the key store (keystore.json) is written beside FILE and the recovery code shown once on
 * stderr. Without one it is a plain file that the sqlite3 shell opens — the demo's people are
 * invented — and it is marked PLAIN, so the app opens it only with --plain, on purpose.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../db/open';
import { fixedClock, systemClock } from '../../backend/clock';
import { newAppState, type AppContext } from '../../backend/context';
import { createDemoAgency } from '../../backend/demo/demo';
import { workstationIdOf } from '../../backend';
import { makeDirsPrivate, prepareDatabaseFile, privatizeDataDir } from '../../backend/private-files';
import { askNewPassphrase, createKeystore, DB_FILE_NAME, markPlain, passphraseFileFrom, readPassphraseFile, showRecoveryCode } from '../../backend/keys';
import { parseFlags, positiveInt, requireFlag } from '../args';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliCommand } from '../io';

const USAGE =
  'usage: casedesk demo --db FILE [--cases N (default 5000, at most 1000000)] [--seed N] [--now ISO-INSTANT] [--plain | --passphrase-file F | --encrypt]';

/** The new database's key, or null for --plain. Never a passphrase from argv: a file or the terminal. */
async function demoKey(dir: string, plain: boolean, encrypt: boolean, fileFlag: string | undefined, io: Parameters<CliCommand>[1]): Promise<Buffer | null> {
  if (plain) {
    if (fileFlag || encrypt) throw new UsageError('--plain excludes --passphrase-file and --encrypt');
    return null;
  }
  const passphraseFile = passphraseFileFrom(fileFlag, process.env);
  const stdin = io.stdin as typeof io.stdin & { isTTY?: boolean };
  if (!passphraseFile && !(encrypt && stdin.isTTY)) {
    if (encrypt) throw new UsageError(`--encrypt needs a passphrase: give --passphrase-file F (or CASEDESK_PASSPHRASE_FILE), or run it in a terminal\n${USAGE}`);
    io.stderr.write('writing an unencrypted demo database (invented data); give --passphrase-file F to encrypt it\n');
    return null;
  }
  const passphrase = passphraseFile ? readPassphraseFile(passphraseFile) : await askNewPassphrase(stdin, io.stderr);
  const { key, recoveryCode } = await createKeystore(dir, { passphrase });
  showRecoveryCode(io, recoveryCode, dir);
  return key;
}

export const demo: CliCommand = async (args, io) => {
  const { values } = parseFlags(
    args,
    { db: { type: 'string' }, cases: { type: 'string' }, seed: { type: 'string' }, now: { type: 'string' }, plain: { type: 'boolean' }, encrypt: { type: 'boolean' }, 'passphrase-file': { type: 'string' } },
    USAGE,
  );
  const file = requireFlag(values.db, 'db', USAGE);
  const cases = positiveInt(values.cases, 'cases', 5000, 1_000_000);
  const seed = positiveInt(values.seed, 'seed', 20261129, 2 ** 31);
  // A demo relative to a chosen instant, so tests can pin the clock of the app that opens it.
  const nowMs = values.now === undefined ? null : Date.parse(values.now);
  if (nowMs !== null && !Number.isFinite(nowMs)) throw new UsageError(`--now must be an ISO-8601 instant, got "${values.now}"`);
  if (fs.existsSync(file) && fs.statSync(file).size > 0) {
    throw new UsageError(`${file} already exists; the demo writes only into a new database file`);
  }
  const dir = path.dirname(path.resolve(file));
  makeDirsPrivate(dir);
  const key = await demoKey(dir, values.plain === true, values.encrypt === true, values['passphrase-file'], io);
  // Only a data folder's own database gets the PLAIN marker; a scratch folder is left alone.
  if (!key && path.basename(file) === DB_FILE_NAME) markPlain(dir);
  privatizeDataDir(dir);
  prepareDatabaseFile(file);
  const db = openDatabase(file, key ? { key } : {});
  try {
    const app: AppContext = { db, clock: nowMs === null ? systemClock : fixedClock(new Date(nowMs)), dataDir: path.dirname(file), host: 'cli', workstationId: workstationIdOf(db), log: () => undefined, services: {}, state: newAppState() };
    const started = Date.now();
    const summary = createDemoAgency(app, {
      cases,
      seed,
      progress: (done, total) => io.stderr.write(`\r${done}/${total} cases`),
    });
    io.stderr.write('\n');
    io.stdout.write(
      `demo agency written to ${file}: ${summary.cases} cases, ${summary.activities} prior activities, ` +
        `${summary.placements} placements, ${summary.users} users (default user ${summary.defaultUser}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return EXIT_OK;
  } catch (err) {
    io.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_FAILURE;
  } finally {
    db.close();
  }
};
