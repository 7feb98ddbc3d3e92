/**
 * `casedesk audit verify --db FILE [--passphrase-file F] [--lang zh-CN|en] [--json]` for auditors:
 * the audit log's hash chain, its keyed hashes and the last head a lender receipted, checked as
 * the audit.verify API checks them (main/backend/audit/anchor.ts) and worded as the audit screen
 * words them (common/domain/audit/verdict.ts). The database is opened read-only. Exit 0 when the
 * log verifies, 1 when it does not, 2 on a usage mistake.
 */
import fs from 'node:fs';
import { describeAuditVerdict, type VerdictLanguage } from '../../../common/domain/audit/verdict';
import { MIGRATIONS } from '../../../db/migrations';
import { openDatabase, schemaVersion, type Db } from '../../../db/open';
import { verifyAuditAnchored } from '../../backend/audit/anchor';
import { parseFlags, requireFlag } from '../args';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliCommand, type CliIO } from '../io';
import { databaseKey } from '../workstation';

const USAGE = 'usage: casedesk audit verify --db FILE [--passphrase-file F] [--lang zh-CN|en] [--json]';

export class AuditDatabaseTooOldError extends Error {
  override readonly name = 'AuditDatabaseTooOldError';
}

/** Read-only, so verifying never changes the file; a database before this build's schema cannot be migrated read-only. */
async function openForAudit(file: string, flags: { 'passphrase-file'?: string | undefined }): Promise<Db> {
  const unlocked = await databaseKey(file, flags);
  try {
    return openDatabase(file, { ...(unlocked ?? {}), readonly: true });
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'SQLITE_READONLY') {
      throw new AuditDatabaseTooOldError(
        `${file} predates this CaseDesk's schema (version ${MIGRATIONS.length}) and is opened read-only here; open it once with this CaseDesk (or verify a copy opened so) first`,
      );
    }
    throw err;
  }
}

async function verifyCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(
    args,
    { db: { type: 'string' }, 'passphrase-file': { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  const file = requireFlag(values.db, 'db', USAGE);
  if (!fs.existsSync(file)) throw new UsageError(`--db: ${file} does not exist`);
  const lang = values.lang ?? 'en';
  if (lang !== 'en' && lang !== 'zh-CN') throw new UsageError(`--lang must be zh-CN or en, not "${lang}"`);
  const db = await openForAudit(file, values);
  try {
    if (schemaVersion(db) !== MIGRATIONS.length) throw new AuditDatabaseTooOldError(`${file} is at schema version ${schemaVersion(db)}, not ${MIGRATIONS.length}`);
    const verdict = await verifyAuditAnchored(db);
    if (values.json) io.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
    else io.stdout.write(`${describeAuditVerdict(verdict, lang as VerdictLanguage).join('\n')}\n`);
    return verdict.ok ? EXIT_OK : EXIT_FAILURE;
  } finally {
    db.close();
  }
}

export const audit: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub === 'verify') return verifyCommand(rest, io);
  throw new UsageError(`unknown subcommand ${sub === undefined ? '(none)' : `"${sub}"`}\n${USAGE}`);
};
