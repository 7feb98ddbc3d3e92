/** Names for user ids: the team list, then the signed-in supervisor, then the id itself. */
import { useCallback } from 'react';
import { useSession } from '../../stores/session';
import { personName, useTeam } from './teamStore';

export function usePersonName(): (id: string | null) => string | null {
  const people = useTeam((s) => s.people);
  const me = useSession((s) => s.info?.user);
  return useCallback(
    (id: string | null) => {
      if (id && me && id === me.id) return me.displayName;
      return personName(people, id);
    },
    [people, me],
  );
}
