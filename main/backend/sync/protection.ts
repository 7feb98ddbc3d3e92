/**
 * How the workstation's signing key is protected at rest, per host:
 *   - an encrypted database: by a random secret kept inside that database, so the key is exactly as
 *     safe as the database (its passphrase or OS keychain) and survives a re-key of the database;
 *   - a plain (--plain) database: by a passphrase from a file, when one is given;
 *   - otherwise: not at all — the workstation cannot sign until started with a passphrase.
 */
import crypto from 'node:crypto';
import { settingsRepo } from '../../../db/repos/settings';
import type { Db } from '../../../db/open';
import { passphraseProtector, unavailableProtector, type KeyProtector } from '../crypto/protect';

const SECRET_KEY = 'workstation_key_secret';
/** The secret is 256 random bits: key stretching adds nothing, so the KDF cost stays low. */
const RANDOM_SECRET_COST = { N: 2 ** 14 };

export function workstationProtector(db: Db, source: { encrypted: boolean; passphrase?: string | undefined }): KeyProtector {
  if (source.encrypted) {
    let secret = settingsRepo.get(db, SECRET_KEY);
    if (!secret) {
      secret = crypto.randomBytes(32).toString('base64url');
      settingsRepo.set(db, SECRET_KEY, secret);
    }
    return passphraseProtector(secret, RANDOM_SECRET_COST);
  }
  if (source.passphrase) return passphraseProtector(source.passphrase);
  return unavailableProtector(
    'This workstation runs an unencrypted (--plain) database without a passphrase, so it cannot sign reports or exports: start it with CASEDESK_PASSPHRASE_FILE set to a file holding a passphrase.',
  );
}
