/**
 * `casedesk db rekey|recover|encrypt|time-zone`: key rotation, the recovery path, converting a plain
 * data folder, and the agency's time zone (whose calendar days reports and exports count). Run with
 * CaseDesk closed (a re-key needs the only connection). Passphrases come from a file or the
 * terminal, never argv; new recovery codes are shown once, on stdout when it is a terminal (never into a log).
 */
import path from 'node:path';
import { openDatabase } from '../../../db/open';
import {
  askHidden,
  askNewPassphrase,
  changePassphrase,
  databaseFile,
  encryptDataDir,
  passphraseFileFrom,
  readPassphraseFile,
  rotateKey,
  showRecoveryCode,
  dataDirState,
  unlockDatabaseKey,
} from '../../backend/keys';
import { isValidZone } from '../../../common/domain/guardrails/time';
import { settingsRepo } from '../../../db/repos/settings';
import { appendAudit } from '../../backend/audit/audit';
import { AGENCY_TIME_ZONE_KEY, agencyTimeZone } from '../../backend/services/agency-zone';
import { databaseKey } from '../workstation';
import { parseFlags, requireFlag } from '../args';
import { EXIT_OK, UsageError, type CliCommand, type CliIO } from '../io';

const USAGE = [
  'usage: casedesk db rekey   --data-dir DIR [--passphrase-file F]',
  '       casedesk db recover --data-dir DIR --recovery-code CODE --new-passphrase-file F',
  '       casedesk db encrypt --data-dir DIR [--passphrase-file F]',
  '       casedesk db time-zone --data-dir DIR [--set ZONE] [--passphrase-file F]',
].join('\n');

/** The flags each subcommand takes besides --data-dir: another is refused, never ignored. */
const FLAGS_OF: Record<string, readonly string[]> = {
  rekey: ['passphrase-file'],
  recover: ['recovery-code', 'new-passphrase-file'],
  encrypt: ['passphrase-file'],
  'time-zone': ['set', 'passphrase-file'],
};

type Tty = CliIO['stdin'] & { isTTY?: boolean };

async function passphrase(file: string | undefined, io: CliIO, fresh: boolean): Promise<string> {
  if (file) return readPassphraseFile(file);
  const stdin = io.stdin as Tty;
  if (!stdin.isTTY) throw new UsageError(`no terminal to ask for the passphrase: give --passphrase-file F (or set CASEDESK_PASSPHRASE_FILE)\n${USAGE}`);
  return fresh ? askNewPassphrase(stdin, io.stderr) : askHidden('Passphrase: ', stdin, io.stderr);
}

/** New key, database re-encrypted, every slot rewrapped, new recovery code. */
async function rekeyCommand(dataDir: string, pass: string, io: CliIO): Promise<void> {
  const unlocked = await unlockDatabaseKey(dataDir, { passphrase: pass }, { onNotice: (m) => io.stderr.write(`${m}\n`) });
  const db = openDatabase(databaseFile(dataDir), unlocked);
  try {
    const { recoveryCode, generation } = await rotateKey(dataDir, db, { passphrase: pass });
    io.stdout.write(`the database key was rotated (generation ${generation}); the previous recovery code no longer works\n`);
    showRecoveryCode(io, recoveryCode, dataDir);
  } finally {
    db.close();
  }
}

/**
 * The recovery path: the recovery code sets a new passphrase, then the key is rotated, which also
 * retires the code just used (it may have been seen on this screen or in shell history).
 */
async function recoverCommand(dataDir: string, recoveryCode: string, newPass: string, io: CliIO): Promise<void> {
  await changePassphrase(dataDir, { recoveryCode }, newPass, { onNotice: (m) => io.stderr.write(`${m}\n`) });
  io.stdout.write('the passphrase was reset with the recovery code\n');
  await rekeyCommand(dataDir, newPass, io);
}

/** Shows the agency's time zone, or sets it (an IANA name such as Asia/Shanghai), audited. */
async function timeZoneCommand(dataDir: string, set: string | undefined, passphraseFile: string | undefined, io: CliIO): Promise<void> {
  if (set !== undefined && !isValidZone(set)) throw new UsageError(`--set: "${set}" is not an IANA time zone (for example Asia/Shanghai, America/New_York, Europe/London)`);
  // Opening a folder without a database would make one: a mistyped --data-dir must not "succeed".
  if (dataDirState(dataDir).database === 'absent') throw new Error(`${dataDir} holds no CaseDesk database; give a workstation's data folder`);
  const file = databaseFile(dataDir);
  // Showing reads only (no migration, no write).
  const db = openDatabase(file, { ...(await databaseKey(file, { 'passphrase-file': passphraseFile })), readonly: set === undefined });
  try {
    if (set !== undefined) {
      const before = settingsRepo.get(db, AGENCY_TIME_ZONE_KEY) ?? null;
      db.transaction(() => {
        settingsRepo.set(db, AGENCY_TIME_ZONE_KEY, set);
        appendAudit(db, new Date().toISOString(), {
          actorId: null,
          action: 'settings.agency_time_zone',
          objectType: 'settings',
          objectId: AGENCY_TIME_ZONE_KEY,
          outcome: 'ok',
          details: { before, after: set, via: 'cli' },
        });
      })();
    }
    const configured = settingsRepo.get(db, AGENCY_TIME_ZONE_KEY) !== undefined;
    io.stdout.write(`${agencyTimeZone(db)}${configured ? '' : " (not set: this machine's zone)"}\n`);
  } finally {
    db.close();
  }
}

export const dbCommand: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  const { values } = parseFlags(
    rest,
    {
      'data-dir': { type: 'string' },
      'passphrase-file': { type: 'string' },
      'recovery-code': { type: 'string' },
      'new-passphrase-file': { type: 'string' },
      set: { type: 'string' },
    },
    USAGE,
  );
  const allowed = FLAGS_OF[sub ?? ''];
  if (!allowed) throw new UsageError(`unknown db subcommand "${sub ?? ''}"\n${USAGE}`);
  for (const [flag, value] of Object.entries(values)) {
    if (value !== undefined && flag !== 'data-dir' && !allowed.includes(flag)) throw new UsageError(`--${flag} does not apply to casedesk db ${sub}\n${USAGE}`);
  }
  const dataDir = path.resolve(requireFlag(values['data-dir'], 'data-dir', USAGE));
  const file = passphraseFileFrom(values['passphrase-file'], process.env);
  switch (sub) {
    case 'rekey':
      await rekeyCommand(dataDir, await passphrase(file, io, false), io);
      return EXIT_OK;
    case 'recover': {
      const code = requireFlag(values['recovery-code'], 'recovery-code', USAGE);
      const newPass = readPassphraseFile(requireFlag(values['new-passphrase-file'], 'new-passphrase-file', USAGE));
      await recoverCommand(dataDir, code, newPass, io);
      return EXIT_OK;
    }
    case 'encrypt': {
      const result = await encryptDataDir(dataDir, await passphrase(file, io, true));
      if (result.resumed) {
        io.stdout.write(`finished an interrupted encryption of ${dataDir}; the recovery code shown then stands\n`);
      } else {
        io.stdout.write(`${dataDir} is now encrypted. The plain file was replaced; its old blocks may linger on disk until overwritten\n`);
        if (result.recoveryCode) showRecoveryCode(io, result.recoveryCode, dataDir);
      }
      return EXIT_OK;
    }
    case 'time-zone':
      await timeZoneCommand(dataDir, values.set, file, io);
      return EXIT_OK;
    default:
      throw new UsageError(`unknown db subcommand "${sub ?? ''}"\n${USAGE}`);
  }
};
