import type { Db } from '../open';

/**
 * Builds a repository once per connection: preparing statements costs more than running them, and
 * services ask for a repository on every write.
 */
export function perConnection<R>(build: (db: Db) => R): (db: Db) => R {
  const cache = new WeakMap<Db, R>();
  return (db) => {
    let repo = cache.get(db);
    if (repo === undefined) {
      repo = build(db);
      cache.set(db, repo);
    }
    return repo;
  };
}
