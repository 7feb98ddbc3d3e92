/**
 * How the workstation's signing key is protected at rest, per host:
 *   - by default: by a random secret kept inside the database, so the key is exactly as safe as the
 *     database — for an encrypted one, its passphrase or OS keychain (and it survives a re-key); for
 *     a plain (--plain) one, whoever can read the file can sign as the workstation, just as they
 *     can read and change every case in it;
 *   - a plain database started with a passphrase (CASEDESK_PASSPHRASE_FILE): by that passphrase,
 *     which keeps the key safer than the file (and keeps a key wrapped that way by earlier builds).
 */
import crypto from 'node:crypto';
import { settingsRepo } from '../../../db/repos/settings';
import type { Db } from '../../../db/open';
import { passphraseProtector, type KeyProtector } from '../crypto/protect';

const SECRET_KEY = 'workstation_key_secret';
/** The secret is 256 random bits: key stretching adds nothing, so the KDF cost stays low. */
const RANDOM_SECRET_COST = { N: 2 ** 14 };

/** How the key is kept, as export manifests say it. */
export const KEPT_BY = {
  encrypted: 'a random secret inside the encrypted database: as safe as the database',
  plain: 'a random secret inside the unencrypted (--plain) database: exactly as protected as the database file, which anyone who can read it can use to sign',
  passphrase: 'a passphrase kept outside the database',
} as const;

function databaseSecret(db: Db): string {
  let secret = settingsRepo.get(db, SECRET_KEY);
  if (!secret) {
    secret = crypto.randomBytes(32).toString('base64url');
    settingsRepo.set(db, SECRET_KEY, secret);
  }
  return secret;
}

export function workstationProtector(db: Db, source: { encrypted: boolean; passphrase?: string | undefined }): KeyProtector {
  if (!source.encrypted && source.passphrase) return { ...passphraseProtector(source.passphrase), keptBy: KEPT_BY.passphrase };
  return { ...passphraseProtector(databaseSecret(db), RANDOM_SECRET_COST), keptBy: source.encrypted ? KEPT_BY.encrypted : KEPT_BY.plain };
}
