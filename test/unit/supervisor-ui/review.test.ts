import { describe, expect, it } from 'vitest';
import type { TeamMember } from '../../../common/api/types-supervisor';
import type { UserView } from '../../../common/api/methods/auth';
import { keepsFilter, replaceOrDrop } from '../../../renderer/features/supervisor/reviewStore';
import { complaintTextOk, deadlineState, defaultComplaintAction } from '../../../renderer/features/supervisor/review/complaintRules';
import { assignable, mergePeople, personName } from '../../../renderer/features/supervisor/teamStore';
import { nextTabIndex } from '../../../renderer/features/supervisor/Tabs';

describe('review queues', () => {
  it('drops a decided item from a filtered list, keeps it under "all"', () => {
    const items = [
      { id: 'a', status: 'pending' },
      { id: 'b', status: 'pending' },
    ];
    expect(replaceOrDrop(items, { id: 'a', status: 'approved' }, 'pending')).toEqual([{ id: 'b', status: 'pending' }]);
    expect(replaceOrDrop(items, { id: 'a', status: 'approved' }, 'all')).toEqual([{ id: 'a', status: 'approved' }, { id: 'b', status: 'pending' }]);
    expect(keepsFilter('open', 'open')).toBe(true);
  });

  it('offers assignment first for an unassigned open complaint', () => {
    expect(defaultComplaintAction({ assignee: null, status: 'open' })).toBe('assign');
    expect(defaultComplaintAction({ assignee: 'u', status: 'open' })).toBe('respond');
    expect(defaultComplaintAction({ assignee: null, status: 'escalated' })).toBe('respond');
  });

  it('asks for 5+ characters of text', () => {
    expect(complaintTextOk('  ok  ')).toBe(false);
    expect(complaintTextOk('Called back')).toBe(true);
  });

  it('places an open complaint against its deadline', () => {
    const now = new Date('2025-11-19T10:00:00Z');
    expect(deadlineState({ dueAt: '2025-11-25T00:00:00Z', overdue: false, status: 'open' }, now)).toBe('ok');
    expect(deadlineState({ dueAt: '2025-11-20T00:00:00Z', overdue: false, status: 'open' }, now)).toBe('soon');
    expect(deadlineState({ dueAt: '2025-11-18T00:00:00Z', overdue: false, status: 'open' }, now)).toBe('overdue');
    expect(deadlineState({ dueAt: '2025-11-25T00:00:00Z', overdue: true, status: 'open' }, now)).toBe('overdue');
    expect(deadlineState({ dueAt: '2025-11-18T00:00:00Z', overdue: false, status: 'resolved' }, now)).toBe('done');
  });
});

describe('team', () => {
  const member = (id: string, over: Partial<TeamMember> = {}): TeamMember => ({ id, username: id, displayName: id.toUpperCase(), role: 'collector', disabled: false, openCases: 3, ...over });
  const user = (id: string, over: Partial<UserView> = {}): UserView => ({ id, username: id, displayName: id.toUpperCase(), role: 'collector', supervisorId: null, disabled: false, lockedUntil: null, ...over });

  it('merges team and users without duplicates, team first', () => {
    const people = mergePeople([member('b')], [user('b'), user('a')]);
    expect(people.map((p) => [p.id, p.openCases])).toEqual([
      ['b', 3],
      ['a', null],
    ]);
  });

  it('offers only active collectors, by name', () => {
    const people = mergePeople([member('c'), member('a'), member('x', { disabled: true }), member('s', { role: 'supervisor' })], []);
    expect(assignable(people).map((p) => p.id)).toEqual(['a', 'c']);
  });

  it('names people, falling back to the id', () => {
    const people = mergePeople([member('a')], []);
    expect(personName(people, 'a')).toBe('A');
    expect(personName(people, 'zz')).toBe('zz');
    expect(personName(people, null)).toBeNull();
  });
});

describe('tabs', () => {
  it('moves with arrows, wraps, jumps with Home / End', () => {
    expect(nextTabIndex('ArrowRight', 4, 5)).toBe(0);
    expect(nextTabIndex('ArrowLeft', 0, 5)).toBe(4);
    expect(nextTabIndex('Home', 3, 5)).toBe(0);
    expect(nextTabIndex('End', 0, 5)).toBe(4);
    expect(nextTabIndex('Enter', 0, 5)).toBeNull();
  });
});
