/**
 * createBackend: opens the database, checks the handler table and returns the one door every host
 * uses. Plain Node: runs under Electron's utility process, the loopback host, the CLI and tests.
 */
import path from 'node:path';
import { fail } from '../../common/api/result';
import { openDatabase } from '../../db/open';
import { usersRepo } from '../../db/repos/users';
import { systemClock, type Clock } from './clock';
import { newAppState, type AppContext } from './context';
import { createDispatcher } from './dispatch';
import { checkHandlerTable, handlers } from './handlers';
import { checkDataDirMode, DataDirModeError, DB_FILE_NAME, markPlain } from './keys';
import { SessionStore } from './auth/sessions';
import { makeDirsPrivate, prepareDatabaseFile, privatizeDatabaseFiles, privatizeDataDir } from './private-files';
import { idleLockMinutes } from './services/auth';
import type { Backend, BackendOptions } from './types';
import { workstationIdOf } from './workstation';

export { DB_FILE_NAME };
// Its own module so the export child does not load the whole backend for it.
export { workstationIdOf } from './workstation';

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DB_FILE_NAME);
}


export function createAppContext(opts: BackendOptions): AppContext {
  makeDirsPrivate(opts.dataDir);
  if (opts.dbKey && opts.plain) throw new DataDirModeError('a database key and --plain were both given; choose one');
  // Encrypted, plain or (in-process callers that chose neither) plain-if-already-plain: see keys/mode.ts.
  checkDataDirMode(opts.dataDir, opts.dbKey ? 'encrypted' : opts.plain ? 'plain' : 'unspecified');
  if (opts.plain) markPlain(opts.dataDir);
  privatizeDataDir(opts.dataDir);
  prepareDatabaseFile(databasePath(opts.dataDir));
  const db = openDatabase(databasePath(opts.dataDir), {
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.dbKey ? { key: opts.dbKey, ...(opts.dbCipher ? { cipher: opts.dbCipher } : {}) } : {}),
  });
  privatizeDatabaseFiles(databasePath(opts.dataDir));
  const clock: Clock = opts.now ? { now: opts.now } : systemClock;
  return {
    db,
    clock,
    dataDir: opts.dataDir,
    host: opts.host,
    workstationId: workstationIdOf(db),
    log: opts.log ?? (() => undefined),
    services: {},
    state: newAppState(),
  };
}

export function createBackend(opts: BackendOptions): Backend & { app: AppContext; asUser(username: string): Backend } {
  checkHandlerTable(handlers as unknown as Record<string, Record<string, unknown>>);
  const app = createAppContext(opts);
  const sessions = new SessionStore(() => idleLockMinutes(app) * 60_000);
  const dispatch = createDispatcher(app, handlers, sessions);
  // In-process callers (the CLI, tests) may act as a named user without a session; the hosts
  // (Electron IPC, loopback HTTP) always go through sessions.
  const trusted = (username: string): Backend => ({
    async dispatch(name, input) {
      const row = usersRepo.byUsername(app.db, username);
      if (!row) return fail('UNAUTHENTICATED', `No user called "${username}" exists in this database.`);
      return dispatch(name, input, { kind: 'trusted', actor: { id: row.id, username: row.username, displayName: row.display_name, role: row.role } });
    },
    close: () => undefined,
  });
  const inProcessUser = (opts.host === 'cli' || opts.host === 'test') && opts.user ? trusted(opts.user) : null;
  return {
    app,
    asUser: trusted,
    dispatch(name, input, session) {
      if (inProcessUser && session === undefined) return inProcessUser.dispatch(name, input);
      return dispatch(name, input, { kind: 'session', token: session?.token });
    },
    close() {
      app.db.close();
    },
  };
}
