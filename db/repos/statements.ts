import type { Db } from '../open';
import type Database from 'better-sqlite3';

/**
 * Prepared statements cached per connection and SQL text: preparing is the expensive half of a
 * query, and repositories are called on every keystroke of a search.
 */
const caches = new WeakMap<Db, Map<string, Database.Statement>>();

export function stmt(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
