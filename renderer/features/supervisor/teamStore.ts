/**
 * The supervisor's people: `supervisor.team` (with open-case counts) and `users.list` as a second
 * source when the first fails. Used to pick assignees and to name them.
 */
import { create } from 'zustand';
import type { TeamMember } from '../../../common/api/types-supervisor';
import type { UserView } from '../../../common/api/methods/auth';
import type { ApiErrorBody } from '../../../common/api/result';
import { call, toApiError } from '../../app/api';

export interface Person {
  id: string;
  displayName: string;
  username: string;
  role: TeamMember['role'];
  disabled: boolean;
  openCases: number | null;
}

interface TeamState {
  people: Person[];
  loaded: boolean;
  loading: boolean;
  error: ApiErrorBody | null;
  load(force?: boolean): Promise<void>;
}

function fromTeam(m: TeamMember): Person {
  return { id: m.id, displayName: m.displayName, username: m.username, role: m.role, disabled: m.disabled, openCases: m.openCases };
}

function fromUser(u: UserView): Person {
  return { id: u.id, displayName: u.displayName, username: u.username, role: u.role, disabled: u.disabled, openCases: null };
}

/** Team members first; users the team call did not return are added after (named, without counts). */
export function mergePeople(team: readonly TeamMember[], users: readonly UserView[]): Person[] {
  const out = team.map(fromTeam);
  const seen = new Set(out.map((p) => p.id));
  for (const u of users) if (!seen.has(u.id)) out.push(fromUser(u));
  return out;
}

/** Collectors who can take work: active, collector role, in name order. */
export function assignable(people: readonly Person[]): Person[] {
  return people.filter((p) => p.role === 'collector' && !p.disabled).sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export const useTeam = create<TeamState>((set, get) => ({
  people: [],
  loaded: false,
  loading: false,
  error: null,
  async load(force = false) {
    if (get().loading || (get().loaded && !force)) return;
    set({ loading: true, error: null });
    const [team, users] = await Promise.allSettled([call((a) => a.supervisor.team({})), call((a) => a.users.list({}))]);
    if (team.status === 'rejected' && users.status === 'rejected') {
      set({ loading: false, error: toApiError(team.reason).body });
      return;
    }
    set({
      people: mergePeople(team.status === 'fulfilled' ? team.value : [], users.status === 'fulfilled' ? users.value : []),
      loaded: true,
      loading: false,
    });
  },
}));

/** The display name for a user id, or the id itself when the person is not on the team list. */
export function personName(people: readonly Person[], id: string | null): string | null {
  if (!id) return null;
  return people.find((p) => p.id === id)?.displayName ?? id;
}
