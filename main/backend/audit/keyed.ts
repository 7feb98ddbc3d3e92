/**
 * The audit log's keyed hash, a second layer under the receipted anchor (audit/anchor.ts): each
 * entry from the keying's `since` on carries mac = HMAC-SHA256(key, hash). Re-hashing the log with
 * the public formula (to hide a removed or edited entry) cannot produce the macs without the key,
 * which is a random secret kept in settings, inside the encrypted database (migration 13). It
 * protects nothing against someone who can read that database — hence the anchor.
 */
import { createHmac } from 'node:crypto';
import { AUDIT_KEY_SETTING } from '../../../db/repos/audit';
import { settingsRepo } from '../../../db/repos/settings';
import type { Db } from '../../../db/open';

export interface AuditKeying {
  key: Buffer;
  /** The first sequence number keyed; entries before it have only the unkeyed chain. */
  since: number;
}

export const macOf = (key: Buffer, hash: string): string => createHmac('sha256', key).update(hash, 'utf8').digest('hex');

/** The database's audit key, or null when it is missing or unreadable (which verification reports). */
export function auditKeying(db: Db): AuditKeying | null {
  const raw = settingsRepo.get(db, AUDIT_KEY_SETTING);
  if (raw === undefined) return null;
  try {
    const v = JSON.parse(raw) as { key?: unknown; since?: unknown };
    if (typeof v.key !== 'string' || !/^[0-9a-f]{64}$/.test(v.key)) return null;
    if (typeof v.since !== 'number' || !Number.isSafeInteger(v.since) || v.since < 1) return null;
    return { key: Buffer.from(v.key, 'hex'), since: v.since };
  } catch {
    return null;
  }
}

/** The mac an entry must carry under this keying (null before `since`, or without a key). */
export function macFor(keying: AuditKeying | null, seq: number, hash: string): string | null {
  return keying && seq >= keying.since ? macOf(keying.key, hash) : null;
}
