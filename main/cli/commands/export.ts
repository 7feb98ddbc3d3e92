/**
 * `casedesk export --db FILE --kind activities|ledger|conduct|performance --format csv|xlsx|pdf
 *   --from DATE --to DATE --out FILE [--force] [--placement ID|CODE] [--unmask-reason TEXT] [--as USER]
 *   [--passphrase-file F | --passphrase-env VAR]`
 * writes the report file and its signed manifest; progress on stderr, the manifest path on stdout.
 * An encrypted database is opened with the passphrase in the file (--passphrase-file or
 * CASEDESK_PASSPHRASE_FILE), and the workstation key is then unlocked as the app does; on a --plain
 * database the workstation key's passphrase comes from that file or from CASEDESK_KEY_PASSPHRASE
 * (or the variable --passphrase-env names). See cli/workstation.ts.
 */
import { EXPORT_FORMATS, EXPORT_KINDS } from '../../../common/api/methods/exports';
import { MAX_PERIOD_DAYS } from '../../../common/api/methods/supervisor';
import { Reason } from '../../../common/api/schemas';
import { AppError } from '../../../common/api/result';
import { openDatabase, type DatabaseKey } from '../../../db/open';
import { workstationAccess } from '../workstation';
import { ExportSetupError, exportToFile } from '../../backend/exports/to-file';
import { parseFlags, requireFlag } from '../args';
import { existingDatabaseFile, outputFile } from '../paths';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliCommand } from '../io';

const USAGE = [
  'usage: casedesk export --db FILE --kind activities|ledger|conduct|performance --format csv|xlsx|pdf',
  '                       --from YYYY-MM-DD --to YYYY-MM-DD --out FILE [--force] [--placement ID|CODE]',
  `                       [--unmask-reason TEXT] [--as USER] [--passphrase-file F | --passphrase-env VAR (default CASEDESK_KEY_PASSPHRASE)]`,
].join('\n');

const DAY_MS = 86_400_000;

function oneOf<T extends string>(value: string | undefined, flag: string, allowed: readonly T[]): T {
  const v = requireFlag(value, flag, USAGE);
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${flag}: unknown ${flag} "${v}"; use one of ${allowed.join(', ')}`);
  return v as T;
}

function calendarDate(value: string | undefined, flag: string): string {
  const v = requireFlag(value, flag, USAGE);
  const d = new Date(`${v}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
    throw new UsageError(`--${flag} must be a calendar date YYYY-MM-DD, got "${v}"`);
  }
  return v;
}

function placementIdOf(file: string, arg: string, database: DatabaseKey | undefined): string {
  const db = openDatabase(file, { readonly: true, ...database });
  try {
    const row = db.prepare<[string, string], { id: string }>('SELECT id FROM placements WHERE id = ? OR code = ?').get(arg, arg);
    if (!row) throw new UsageError(`--placement: no placement with id or code "${arg}" in ${file}`);
    return row.id;
  } finally {
    db.close();
  }
}

export const exportCommand: CliCommand = async (args, io) => {
  const { values } = parseFlags(
    args,
    {
      db: { type: 'string' },
      kind: { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      placement: { type: 'string' },
      'unmask-reason': { type: 'string' },
      as: { type: 'string' },
      'passphrase-env': { type: 'string' },
      'passphrase-file': { type: 'string' },
    },
    USAGE,
  );
  const file = requireFlag(values.db, 'db', USAGE);
  const kind = oneOf(values.kind, 'kind', EXPORT_KINDS);
  const format = oneOf(values.format, 'format', EXPORT_FORMATS);
  const from = calendarDate(values.from, 'from');
  const to = calendarDate(values.to, 'to');
  const out = outputFile(requireFlag(values.out, 'out', USAGE), values.force === true);
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days > MAX_PERIOD_DAYS) throw new UsageError(`the period may span at most ${MAX_PERIOD_DAYS} days, not ${days}`);
  let unmaskReason: string | undefined;
  if (values['unmask-reason'] !== undefined) {
    const parsed = Reason.safeParse(values['unmask-reason']);
    if (!parsed.success) throw new UsageError(`--unmask-reason: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    unmaskReason = parsed.data;
  }
  existingDatabaseFile(file);
  const access = await workstationAccess(file, values);
  const placementId = values.placement === undefined ? undefined : placementIdOf(file, values.placement, access.database);

  let last = 0;
  try {
    const result = await exportToFile(file, {
      kind,
      format,
      from,
      to,
      out,
      ...(placementId ? { placementId } : {}),
      ...(values.as ? { as: values.as } : {}),
      ...(unmaskReason !== undefined ? { unmaskReason } : {}),
      ...(access.database ? { dbKey: access.database.key, dbCipher: access.database.cipher } : {}),
      protectorFor: access.protectorFor,
      onProgress: (done, total) => {
        const now = Date.now();
        if (now - last < 250 && done < total) return;
        last = now;
        io.stderr.write(`\rexport ${kind} ${format}: ${done}/${total} rows`);
      },
    });
    io.stderr.write(`\rexport ${kind} ${format}: ${result.rows} rows written to ${result.file}\n`);
    io.stdout.write(`${result.manifestFile}\n`);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof ExportSetupError) throw new UsageError(`--as: ${err.message}`);
    if (err instanceof AppError) {
      io.stderr.write(`\nexport failed: ${err.message}\n`);
      return EXIT_FAILURE;
    }
    throw err;
  }
};
