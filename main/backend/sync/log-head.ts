/**
 * The lender's log only grows, as this workstation sees it. It keeps the largest tree head
 * (size and root, from lender-signed receipts) it has seen; with every new receipt it asks the
 * lender for an RFC 9162 consistency proof between the two and refuses the receipt unless the
 * older tree is a prefix of the newer. A lender that rewrites its log, or shows this workstation
 * another log than before, cannot produce that proof: the sync round fails and its status says why.
 */
import { z } from 'zod';
import { verifyConsistencyHex } from '../../../common/protocol/merkle';
import { HashHex, Seq } from '../../../common/protocol/primitives';
import type { Db } from '../../../db/open';
import { syncStateRepo } from '../../../db/repos/sync-state';
import { sha256 } from '../crypto/hash';
import type { LenderClient } from './client';

const KEY = 'log_tree_head';

const TreeHeadSchema = z.strictObject({ treeSize: Seq, rootHash: HashHex });
export type TreeHead = z.infer<typeof TreeHeadSchema>;

export class LogInconsistentError extends Error {
  override readonly name = 'LogInconsistentError';
}

export function lastTreeHead(db: Db): TreeHead | undefined {
  const raw = syncStateRepo(db).get(KEY);
  return raw === undefined ? undefined : TreeHeadSchema.parse(JSON.parse(raw));
}

export function saveTreeHead(db: Db, head: TreeHead): void {
  syncStateRepo(db).set(KEY, JSON.stringify({ treeSize: head.treeSize, rootHash: head.rootHash }));
}

/** Checks `seen` (from a verified receipt) against the last tree head kept; returns the head to keep now. */
export async function checkLogGrows(db: Db, client: Pick<LenderClient, 'logConsistency'>, seen: TreeHead): Promise<TreeHead> {
  const last = lastTreeHead(db);
  if (!last) return seen;
  // A duplicate's receipt names the older tree it was first accepted in: check it the other way round.
  const [older, newer] = last.treeSize <= seen.treeSize ? [last, seen] : [seen, last];
  let proof: string[] = [];
  if (older.treeSize < newer.treeSize) proof = (await client.logConsistency(older.treeSize, newer.treeSize)).consistencyProof;
  if (!verifyConsistencyHex(older.treeSize, newer.treeSize, proof, older.rootHash, newer.rootHash, sha256)) {
    throw new LogInconsistentError(
      `the lender's log of ${newer.treeSize} entries (root ${newer.rootHash}) does not extend the log of ${older.treeSize} (root ${older.rootHash}) it showed before: it was rewritten, or this workstation is shown another log`,
    );
  }
  return newer;
}
