/**
 * The workstation key that signs export manifests — the same Ed25519 identity the sync engine
 * uses for progress reports (sync/identity.ts), created through its helpers when missing. The
 * private key is wrapped by a KeyProtector. Both hosts supply the same kind through wireHost
 * (boot.ts), and the CLI passes it to exportToFile: workstationProtector (sync/protection.ts) — a
 * random secret kept inside the database (encrypted or --plain), or for a --plain one started with
 * a passphrase file, that passphrase. Without one, the passphrase in CASEDESK_KEY_PASSPHRASE is used.
 */
import { AppError } from '../../../common/api/result';
import type { Db, DbCipher } from '../../../db/open';
import type { AppContext } from '../context';
import { passphraseProtector, type KeyProtector } from '../crypto/protect';
import { IdentityError, createIdentity, loadIdentity, unlockSigner, type Signer } from '../sync/identity';

export const PASSPHRASE_ENV = 'CASEDESK_KEY_PASSPHRASE';

export interface ExportEnvironment {
  protector?: KeyProtector;
  /** The database key when the file is encrypted: the export worker opens its own connection. */
  dbKey?: Buffer;
  /** With dbKey, for a folder encrypted by an earlier build: its key store's cipher. */
  dbCipher?: DbCipher;
  /** better-sqlite3 binding for this runtime (Electron's ABI), passed to the worker. */
  nativeBinding?: string;
  /** The bundled worker script; found next to the bundle when not given. */
  workerScript?: string;
  /** Where files go; default `<dataDir>/exports`. */
  outDir?: string;
}

/** For the CLI and tests that export without a full host (hosts use wireHost, boot.ts). */
export function configureExports(app: AppContext, env: ExportEnvironment): void {
  app.services.exports = env;
  app.state.exportSigner = null;
}

/** The app's signer, unlocked once; re-unlocked if the workstation key was replaced (e.g. at enrollment). */
export function appSigner(app: AppContext, now: Date): Signer {
  const cached = app.state.exportSigner;
  if (cached && loadIdentity(app.db)?.publicKeyPem === cached.publicKeyPem) return cached;
  const signer = exportSigner(app.db, app.workstationId, protectorFrom(exportEnvironment(app)), now);
  app.state.exportSigner = signer;
  return signer;
}

export function exportEnvironment(app: AppContext): ExportEnvironment {
  return app.services.exports ?? {};
}

export function protectorFrom(env: ExportEnvironment, vars: NodeJS.ProcessEnv = process.env): KeyProtector | undefined {
  if (env.protector) return env.protector;
  const passphrase = vars[PASSPHRASE_ENV];
  return passphrase ? passphraseProtector(passphrase) : undefined;
}

/** The workstation signer; creates the key pair first when the workstation has none. */
export function exportSigner(db: Db, workstationId: string, protector: KeyProtector | undefined, now: Date): Signer {
  if (!protector) {
    throw new AppError(
      'CONFLICT',
      `Exports are signed with the workstation key, and this host has not unlocked it: configure a key protector, or set ${PASSPHRASE_ENV}.`,
      undefined,
      { key: 'export.keyLocked' },
    );
  }
  try {
    const identity = loadIdentity(db) ?? createIdentity(db, workstationId, protector, now);
    return unlockSigner(identity, protector);
  } catch (err) {
    if (err instanceof IdentityError || (err instanceof Error && err.name === 'KeyUnwrapError')) {
      throw new AppError('CONFLICT', `Cannot sign the export manifest: ${err.message}.`, undefined, { key: 'export.cannotSign' });
    }
    throw err;
  }
}
