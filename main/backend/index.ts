/**
 * createBackend: opens the database, checks the handler table and returns the one door every host
 * uses. Plain Node: runs under Electron's utility process, the loopback host, the CLI and tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../../common/api/result';
import { newId } from '../../common/ids';
import { openDatabase } from '../../db/open';
import { settingsRepo } from '../../db/repos/settings';
import { usersRepo } from '../../db/repos/users';
import { systemClock, type Clock } from './clock';
import type { AppContext } from './context';
import { createDispatcher } from './dispatch';
import { checkHandlerTable, handlers } from './handlers';
import type { Actor, Backend, BackendOptions } from './types';

export const DB_FILE_NAME = 'casedesk.sqlite';

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DB_FILE_NAME);
}

export function workstationIdOf(db: AppContext['db']): string {
  let id = settingsRepo.get(db, 'workstation_id');
  if (!id) {
    id = newId();
    settingsRepo.set(db, 'workstation_id', id);
  }
  return id;
}

export function createAppContext(opts: BackendOptions): AppContext {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const db = openDatabase(databasePath(opts.dataDir), opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  const clock: Clock = opts.now ? { now: opts.now } : systemClock;
  return {
    db,
    clock,
    dataDir: opts.dataDir,
    host: opts.host,
    workstationId: workstationIdOf(db),
    log: opts.log ?? (() => undefined),
  };
}

/** Until local accounts land, the backend acts as one configured user (default: the first collector). */
function resolveActor(app: AppContext, username: string | undefined): Actor | null {
  const row = username ? usersRepo.byUsername(app.db, username) : usersRepo.firstWithRole(app.db, 'collector') ?? usersRepo.firstWithRole(app.db, 'admin');
  return row ? { id: row.id, username: row.username, displayName: row.display_name, role: row.role } : null;
}

export function createBackend(opts: BackendOptions): Backend & { app: AppContext } {
  checkHandlerTable(handlers as unknown as Record<string, Record<string, unknown>>);
  const app = createAppContext(opts);
  const dispatch = createDispatcher(app, handlers);
  return {
    app,
    async dispatch(name, input) {
      const actor = resolveActor(app, opts.user);
      if (!actor) {
        return fail(
          'UNAUTHENTICATED',
          opts.user ? `No user called "${opts.user}" exists in this database.` : 'This database has no users yet; create the demo agency or an admin first.',
        );
      }
      return dispatch(name, input, actor);
    },
    close() {
      app.db.close();
    },
  };
}
