/**
 * `casedesk report export --db FILE --placement ID|CODE --out DIR [--from DATE] [--to DATE]
 *   [--passphrase-file F | --passphrase-env VAR] [--report ID]`
 *   builds and signs the placement's next progress report (queued for the lender too) and writes
 *   report.json, report.sig and workstation.pub.pem; with --report, exports an already-signed one.
 *   An encrypted database is opened with the passphrase in the file (--passphrase-file or
 *   CASEDESK_PASSPHRASE_FILE); on a --plain one that file, or the variable, unlocks the signing key
 *   (cli/workstation.ts).
 * `casedesk report verify DIR [--key FILE]` checks the signature and the chain and says what is wrong,
 *   if anything, and prints the signer key's SHA-256 fingerprint; with --key, the signature must be
 *   by that (pinned) key, never merely by the one the folder carries.
 */
import fs from 'node:fs';
import { openDatabase } from '../../../db/open';
import { workstationIdOf } from '../../backend';
import { systemClock } from '../../backend/clock';
import { newAppState, type AppContext } from '../../backend/context';
import { databaseKey, workstationAccess } from '../workstation';
import { createReport } from '../../backend/reports/create';
import { exportStoredReport } from '../../backend/reports/export';
import { verifyReportFolder } from '../../backend/reports/files';
import { createIdentity, loadIdentity, unlockSigner } from '../../backend/sync/identity';
import { parseFlags, requireFlag } from '../args';
import { existingDatabaseFile } from '../paths';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliCommand, type CliIO } from '../io';

const USAGE = [
  'usage: casedesk report export --db FILE --placement ID|CODE --out DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
  '                              [--passphrase-file F | --passphrase-env VAR (default CASEDESK_KEY_PASSPHRASE)] [--report ID]',
  '       casedesk report verify DIR [--key PINNED_PUBLIC_KEY.pem]',
].join('\n');

/** A calendar date (start of that UTC day; `end` = start of the next day) or a full UTC instant. */
export function parseBoundary(value: string, flag: string, end: boolean): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw new UsageError(`--${flag}: "${value}" is not a calendar date`);
    if (end) d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value) && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  throw new UsageError(`--${flag} must be a date YYYY-MM-DD or a UTC instant …Z, got "${value}"`);
}

async function exportCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(
    args,
    {
      db: { type: 'string' },
      placement: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'passphrase-env': { type: 'string' },
      'passphrase-file': { type: 'string' },
      report: { type: 'string' },
    },
    USAGE,
  );
  const file = requireFlag(values.db, 'db', USAGE);
  const out = requireFlag(values.out, 'out', USAGE);
  existingDatabaseFile(file);
  const from = values.from === undefined ? undefined : parseBoundary(values.from, 'from', false);
  const to = values.to === undefined ? undefined : parseBoundary(values.to, 'to', true);
  if (from && to && from > to) throw new UsageError('--from must not be after --to');

  if (values.report === undefined) requireFlag(values.placement, 'placement', USAGE);
  const access = values.report === undefined ? await workstationAccess(file, values) : null;
  const unlocked = access ? access.database : await databaseKey(file, values);
  const db = openDatabase(file, unlocked ?? {});
  try {
    if (values.report !== undefined || !access) {
      exportStoredReport(db, values.report ?? '', out);
      io.stdout.write(`exported report ${values.report ?? ''} to ${out}\n`);
      return EXIT_OK;
    }
    const placementArg = requireFlag(values.placement, 'placement', USAGE);
    const placement = db
      .prepare<[string, string], { id: string }>('SELECT id FROM placements WHERE id = ? OR code = ?')
      .get(placementArg, placementArg);
    if (!placement) throw new UsageError(`--placement: no placement with id or code "${placementArg}" in ${file}`);

    const protector = access.protectorFor(db);
    const app: AppContext = { db, clock: systemClock, dataDir: '.', host: 'cli', workstationId: workstationIdOf(db), log: () => undefined, services: {}, state: newAppState() };
    let identity = loadIdentity(db);
    if (!identity) {
      identity = createIdentity(db, app.workstationId, protector, app.clock.now());
      io.stderr.write(`created a signing key for workstation ${app.workstationId}\n`);
    } else if (identity.keyScheme !== protector.scheme) {
      io.stderr.write(
        `the workstation key is protected by "${identity.keyScheme}", not by "${protector.scheme}" as this CaseDesk protects it, so it cannot be unlocked here; export an already-signed report with --report ID\n`,
      );
      return EXIT_FAILURE;
    }
    const signer = unlockSigner(identity, protector);
    const info = createReport(app, signer, { placementId: placement.id, ...(from ? { from } : {}), ...(to ? { to } : {}) });
    exportStoredReport(db, info.id, out);
    io.stdout.write(
      `report ${info.id} (placement ${info.placementId}, seq ${info.seq}, ${info.records} records, chain head ${info.chainHead.seq}) written to ${out}\n` +
        `verify with: openssl pkeyutl -verify -pubin -inkey ${out}/workstation.pub.pem -rawin -in ${out}/report.json -sigfile ${out}/report.sig\n`,
    );
    return EXIT_OK;
  } finally {
    db.close();
  }
}

async function verifyCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(args, { key: { type: 'string' } }, USAGE, true);
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError(`report verify takes exactly one folder\n${USAGE}`);
  const dir = positionals[0];
  let pinned: string | undefined;
  if (values.key !== undefined) {
    try {
      pinned = fs.readFileSync(values.key, 'utf8');
    } catch {
      throw new UsageError(`--key: cannot read ${values.key}`);
    }
  }
  const check = verifyReportFolder(dir, pinned);
  if (!check.ok) {
    io.stderr.write(`FAILED ${check.problem.code}: ${check.problem.message}\n`);
    return EXIT_FAILURE;
  }
  const r = check.report;
  io.stdout.write(
    `OK: report ${r.id} (placement ${r.placementId}, seq ${r.seq}) from workstation ${r.workstationId}: signature verified; ` +
      `${r.summary.records} records; chain continuous from seq ${r.chain.start.seq} to ${r.chain.head.seq} (head ${r.chain.head.hash})\n` +
      `signer key sha256: ${check.signer.fingerprint} (SHA-256 of its DER SubjectPublicKeyInfo)\n` +
      `claims to be: workstation ${r.workstationId}, period ${r.period.from} to ${r.period.to}, made ${r.createdAt}\n` +
      (check.signer.pinned
        ? `the signer is the pinned key ${values.key ?? ''}\n`
        : `the key was read from the folder: this shows the report is intact, not who signed it; compare the fingerprint with the workstation's key pinned at enrolment, or verify with --key FILE\n`) +
      (r.chain.taggedFrom === undefined ? 'chain formula 1 only: elided links are not tagged, so this report cannot prove it shows every record of its placement\n' : ''),
  );
  return EXIT_OK;
}

export const report: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub === 'export') return exportCommand(rest, io);
  if (sub === 'verify') return verifyCommand(rest, io);
  throw new UsageError(`${sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub}"`}\n${USAGE}`);
};
