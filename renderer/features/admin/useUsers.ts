/** The users an administrator manages: loaded once per visit, replaced row by row as they change. */
import { useCallback, useEffect, useState } from 'react';
import type { UserView } from '../../../common/api/methods/auth';
import type { ApiErrorBody } from '../../../common/api/result';
import { call, toApiError } from '../../app/api';

export function useUsers() {
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const load = useCallback(async () => {
    try {
      setUsers(await call((a) => a.users.list({})));
      setError(null);
    } catch (err) {
      setError(toApiError(err).body);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const replace = useCallback((u: UserView) => setUsers((list) => (list ? (list.some((x) => x.id === u.id) ? list.map((x) => (x.id === u.id ? u : x)) : [...list, u]) : [u])), []);
  return { users, error, load, replace };
}

/** Locked now: a lockout that has not yet run out. */
export function isLocked(u: UserView, now = Date.now()): boolean {
  return u.lockedUntil !== null && Date.parse(u.lockedUntil) > now;
}
