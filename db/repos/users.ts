import type { Db } from '../open';
import { stmt } from './statements';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: 'collector' | 'supervisor' | 'admin';
  supervisor_id: string | null;
  password_hash: string | null;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
}

export const usersRepo = {
  insert(db: Db, u: Omit<UserRow, 'failed_logins' | 'locked_until' | 'disabled'>): void {
    stmt(
      db,
      `INSERT INTO users (id, username, display_name, role, supervisor_id, password_hash, created_at)
       VALUES (@id, @username, @display_name, @role, @supervisor_id, @password_hash, @created_at)`,
    ).run(u);
  },
  byId(db: Db, id: string): UserRow | undefined {
    return stmt(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  },
  byUsername(db: Db, username: string): UserRow | undefined {
    return stmt(db, 'SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  },
  firstWithRole(db: Db, role: UserRow['role']): UserRow | undefined {
    return stmt(db, 'SELECT * FROM users WHERE role = ? AND disabled = 0 ORDER BY created_at, username LIMIT 1').get(
      role,
    ) as UserRow | undefined;
  },
  team(db: Db, supervisorId: string): UserRow[] {
    return stmt(db, 'SELECT * FROM users WHERE supervisor_id = ? ORDER BY username').all(supervisorId) as UserRow[];
  },
  all(db: Db): UserRow[] {
    return stmt(db, 'SELECT * FROM users ORDER BY role, username').all() as UserRow[];
  },
};
