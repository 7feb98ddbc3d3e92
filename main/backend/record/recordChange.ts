/**
 * Appends one change to the workstation's hash chain and queues it in the outbox.
 *
 * Called by services INSIDE their write transaction: it opens none of its own, so the change, its
 * chain link and its outbox row commit together or not at all (a crash never leaves a recorded
 * contact without its link, nor a link without its contact).
 */
import { canonicalJson, utf8 } from '../../../common/domain/chain/canonical';
import { GENESIS_HASH } from '../../../common/domain/chain/hash';
import { placementTag, recordDigest, taggedChainHash } from '../../../common/domain/chain/tagged';
import type { ChainRecord, ChainRecordType } from '../../../common/domain/chain/record';
import { newId } from '../../../common/ids';
import { tallyOf } from '../../../common/domain/report/summary';
import { chainRepo } from '../../../db/repos/chain';
import { outboxRepo } from '../../../db/repos/outbox';
import type { AppContext } from '../context';
import { sha256 } from '../crypto/hash';

export interface Change {
  type: ChainRecordType;
  id: string;
  caseId: string | null;
  placementId: string | null;
  at: string;
  body: Record<string, unknown>;
}

/** Outbox kind for chain records; the sync loop drains them into progress reports. */
export const OUTBOX_KIND_CHAIN = 'chain_record';

export function recordChange(ctx: AppContext, change: Change): { seq: number; hash: string } {
  if (!ctx.db.inTransaction) {
    // Without the caller's transaction the change and its link could be split by a crash.
    throw new Error('recordChange must run inside the caller’s write transaction');
  }
  const chain = chainRepo(ctx.db);
  const head = chain.head();
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const record: ChainRecord = {
    type: change.type,
    id: change.id,
    caseId: change.caseId,
    placementId: change.placementId,
    at: change.at,
    body: change.body,
    seq,
    workstationId: ctx.workstationId,
  };
  const canonical = canonicalJson(record);
  // Chain formula 2: the link commits to the record's placement, so no report can pass it off as another's.
  const tag = placementTag(change.placementId, sha256);
  const digest = recordDigest(utf8(canonical), sha256);
  const hash = taggedChainHash(prevHash, tag, digest, sha256);
  chain.insert({
    seq,
    record_type: change.type,
    record_id: change.id,
    case_id: change.caseId,
    placement_id: change.placementId,
    at: change.at,
    canonical,
    prev_hash: prevHash,
    hash,
    tally: canonicalJson(tallyOf(record)),
    tag,
    digest,
  });
  outboxRepo(ctx.db).insert({
    id: newId(),
    kind: OUTBOX_KIND_CHAIN,
    ref_id: String(seq),
    payload_json: JSON.stringify({ seq, hash, placementId: change.placementId }),
    created_at: ctx.clock.now().toISOString(),
  });
  return { seq, hash };
}
