/**
 * What every long-running host does after the database key is settled: open the backend, give
 * exports and sync the workstation key's protector, and a few seconds later start sync and purge
 * personal data past retention. The loopback host and Electron's backend process both boot through here.
 */
import path from 'node:path';
import { createBackend } from './index';
import type { DatabaseAccess } from './keys/startup';
import { useCalendarsFrom } from './guardrails/calendars';
import { purgeExpiredInBackground } from './services/privacy';
import { createSyncService } from './sync/service';
import type { AppContext, HostServices, WiredAppContext } from './context';
import { workstationProtector } from './sync/protection';
import { readPassphraseFile } from './keys';
import { trace } from './trace';

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
  /**
   * How long after boot the sync loop starts (default SYNC_START_DELAY_MS). Its first round reads
   * the outbox's pending counts, which on a large database holds the event loop for a good part of
   * a second: started at once, it would hold up the host's first page and sign-in. Sync is
   * background work (everything it sends was committed locally first), so it starts once the app is
   * up; `syncNow()` from the UI still works at any time after start.
   */
  syncStartDelayMs?: number | undefined;
  /**
   * How long after boot the retention purge starts (default PURGE_START_DELAY_MS). On a mature
   * database it writes many cases; run before the host listened, it held up the first page. The
   * law sets when data may go at the earliest, not to the second, so it waits for the app to be up
   * and then runs in batches that let requests through between them.
   */
  purgeStartDelayMs?: number | undefined;
}

export const SYNC_START_DELAY_MS = 5_000;
export const PURGE_START_DELAY_MS = 10_000;

export function bootBackend(o: BootOptions) {
  // Holiday calendars imported into the data folder (casedesk calendar import) over the bundled ones.
  const calendars = useCalendarsFrom(o.dataDir);
  for (const p of calendars.problems) o.log(`calendar skipped: ${p}`);
  const backend = createBackend({
    dataDir: o.dataDir,
    host: o.host,
    log: o.log,
    ...o.access,
    ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}),
    ...(o.now ? { now: o.now } : {}),
  });
  trace('backend created');
  const encrypted = 'dbKey' in o.access;
  const protector = workstationProtector(backend.app.db, {
    encrypted,
    passphrase: !encrypted && o.passphraseFile ? readPassphraseFile(o.passphraseFile) : undefined,
  });
  const exports = {
    protector,
    ...('dbKey' in o.access ? { dbKey: o.access.dbKey, ...(o.access.dbCipher ? { dbCipher: o.access.dbCipher } : {}) } : {}),
    ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}),
    workerScript: path.join(o.distDir, 'exports-worker.cjs'),
  };
  // The service is attached at once (the UI may ask for its status or sync now at any time); only
  // its background loop waits.
  const sync = createSyncService(backend.app, { protector });
  const app = wireHost(backend.app, { exports, sync });
  trace('host services wired');
  let stopped = false;
  const begin = () => {
    timer = undefined;
    if (stopped) return;
    sync.start();
    trace('sync started');
  };
  const delay = o.syncStartDelayMs ?? SYNC_START_DELAY_MS;
  let timer: NodeJS.Timeout | undefined = delay > 0 ? setTimeout(begin, delay) : undefined;
  // A pending start must not keep alive a process that is otherwise done.
  timer?.unref();
  if (delay <= 0) begin();

  let purging: Promise<void> | undefined;
  const purge = async () => {
    try {
      const { purged } = await purgeExpiredInBackground(backend.app, null, () => stopped);
      if (purged.length > 0) o.log(`purged personal data of ${purged.length} case(s) past their retention period`);
      trace('purge done');
    } catch (err) {
      // A failed batch rolled back (earlier ones stand); the next start tries again.
      o.log(`retention purge failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  // Never inside bootBackend, even with no delay: the caller has a host to start first.
  let purgeTimer: NodeJS.Timeout | undefined = setTimeout(() => {
    purgeTimer = undefined;
    if (!stopped) purging = purge();
  }, Math.max(0, o.purgeStartDelayMs ?? PURGE_START_DELAY_MS));
  purgeTimer.unref();

  return {
    backend: Object.assign(backend, { app }),
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (purgeTimer) clearTimeout(purgeTimer);
      purgeTimer = undefined;
      // A batch in flight commits; no further one starts.
      await purging;
      await sync.stop();
      backend.close();
    },
  };
}

/** Gives the app every service a host provides, at once (see HostServices). */
export function wireHost(app: AppContext, services: HostServices): WiredAppContext {
  app.services = services;
  app.state.exportSigner = null;
  return app as WiredAppContext;
}
