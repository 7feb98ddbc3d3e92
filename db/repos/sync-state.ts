/** Key/value sync state (identity, enrollment, feed cursor, last results). Prepared statements only. */
import type { Db } from '../open';
import { perConnection } from './per-connection';

export const syncStateRepo = perConnection(function buildSyncStateRepo(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?');
  const set = db.prepare<[string, string]>(
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const del = db.prepare<[string]>('DELETE FROM sync_state WHERE key = ?');
  return {
    get: (key: string): string | undefined => get.get(key)?.value,
    set: (key: string, value: string): void => {
      set.run(key, value);
    },
    delete: (key: string): void => {
      del.run(key);
    },
  };
});
