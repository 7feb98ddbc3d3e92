/**
 * What every long-running host does after the database key is settled: open the backend, purge
 * personal data past retention, give exports and sync the workstation key's protector, start sync.
 * The loopback host and Electron's backend process both boot through here.
 */
import path from 'node:path';
import { createBackend } from './index';
import type { DatabaseAccess } from './keys/startup';
import { configureExports } from './exports/signing';
import { purgeExpired } from './services/privacy';
import { startSync } from './sync/start';
import { workstationProtector } from './sync/protection';
import { readPassphraseFile } from './keys';
import { trace } from '../host/trace';

export interface BootOptions {
  dataDir: string;
  host: 'web' | 'electron';
  access: DatabaseAccess;
  /** For a --plain database: a passphrase file that protects the workstation key. */
  passphraseFile?: string | undefined;
  nativeBinding?: string | undefined;
  /** Folder holding exports-worker.cjs (the build output). */
  distDir: string;
  now?: (() => Date) | undefined;
  log: (line: string) => void;
}

export function bootBackend(o: BootOptions) {
  const backend = createBackend({
    dataDir: o.dataDir,
    host: o.host,
    log: o.log,
    ...o.access,
    ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}),
    ...(o.now ? { now: o.now } : {}),
  });
  trace('backend created');
  const { purged } = purgeExpired(backend.app, null);
  if (purged.length > 0) o.log(`purged personal data of ${purged.length} case(s) past their retention period`);
  trace('purge done');
  const encrypted = 'dbKey' in o.access;
  const protector = workstationProtector(backend.app.db, {
    encrypted,
    passphrase: !encrypted && o.passphraseFile ? readPassphraseFile(o.passphraseFile) : undefined,
  });
  configureExports(backend.app, {
    protector,
    ...('dbKey' in o.access ? { dbKey: o.access.dbKey } : {}),
    ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}),
    workerScript: path.join(o.distDir, 'exports-worker.cjs'),
  });
  trace('exports configured');
  const sync = startSync(backend.app, protector);
  trace('sync started');
  return {
    backend,
    async stop(): Promise<void> {
      await sync.stop();
      backend.close();
    },
  };
}
