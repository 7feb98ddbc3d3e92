/**
 * Checks a run of chain links and names the first break precisely. A link either carries its
 * record (its hash is recomputed) or is elided (a record of another placement, shown without its
 * content so a report does not leak other lenders' data; linkage still runs through it).
 *
 * Links before `taggedFrom` use chain formula 1 (hash over the record's canonical bytes): an elided
 * one shows only seq and hash, which nothing can check. From `taggedFrom` on, links use formula 2
 * (tagged.ts): an elided link must show its placement tag and record digest, and its hash is
 * recomputed from them, so the placement it claims is the one it was chained with.
 */
import { canonicalBytes } from './canonical';
import { GENESIS_HASH, chainHash, isHashHex, type Sha256 } from './hash';
import type { ChainRecord } from './record';
import { placementTag, recordDigest, taggedChainHash } from './tagged';

export interface ChainLink {
  seq: number;
  hash: string;
  /** Present when stored links are checked (db); must equal the previous link's hash. */
  prevHash?: string;
  /** Absent for an elided link. */
  record?: ChainRecord;
  /** Formula 2, elided links only: the placement tag and record digest hashed into the link. */
  tag?: string;
  digest?: string;
}

export interface ChainPoint {
  seq: number;
  hash: string;
}

export const GENESIS_POINT: ChainPoint = { seq: 0, hash: GENESIS_HASH };

export type ChainBreakKind =
  | 'seq_gap' // a link is missing, duplicated or out of order
  | 'record_seq_mismatch' // the record claims another position than its link
  | 'prev_hash_mismatch' // the stored prev hash is not the previous link's hash
  | 'hash_mismatch' // the record's bytes do not produce the stated hash: altered, removed before it, or reordered
  | 'malformed_hash'
  | 'untagged_elision' // an elided formula-2 link without its placement tag and record digest
  | 'misplaced_tag' // a tag or digest on a formula-1 link, or beside a record shown in full
  | 'head_mismatch'; // the claimed head is not where the links end

export interface ChainBreak {
  kind: ChainBreakKind;
  /** Position in the array given (-1 for the head). */
  index: number;
  seq: number;
  expected: string;
  actual: string;
  message: string;
}

export type ChainVerdict = { ok: true; head: ChainPoint } | { ok: false; break: ChainBreak };

export function verifyChain(
  links: readonly ChainLink[],
  sha256: Sha256,
  start: ChainPoint = GENESIS_POINT,
  claimedHead?: ChainPoint,
  /** The first seq hashed with formula 2; links before it use formula 1. Default: none (all formula 1). */
  taggedFrom: number = Number.POSITIVE_INFINITY,
): ChainVerdict {
  let prev = start;
  const fail = (b: Omit<ChainBreak, 'message'>, message: string): ChainVerdict => ({ ok: false, break: { ...b, message } });
  for (const [index, link] of links.entries()) {
    const expectedSeq = prev.seq + 1;
    if (link.seq !== expectedSeq) {
      return fail(
        { kind: 'seq_gap', index, seq: link.seq, expected: String(expectedSeq), actual: String(link.seq) },
        `link ${index}: expected chain seq ${expectedSeq} after ${prev.seq}, found ${link.seq}`,
      );
    }
    if (!isHashHex(link.hash)) {
      return fail(
        { kind: 'malformed_hash', index, seq: link.seq, expected: '64 lowercase hex characters', actual: link.hash },
        `seq ${link.seq}: hash is not 64 lowercase hex characters`,
      );
    }
    if (link.prevHash !== undefined && link.prevHash !== prev.hash) {
      return fail(
        { kind: 'prev_hash_mismatch', index, seq: link.seq, expected: prev.hash, actual: link.prevHash },
        `seq ${link.seq}: prev hash ${link.prevHash} is not the hash of seq ${prev.seq} (${prev.hash})`,
      );
    }
    const tagged = link.seq >= taggedFrom;
    const hasTagParts = link.tag !== undefined || link.digest !== undefined;
    if (hasTagParts && (!tagged || link.record)) {
      return fail(
        { kind: 'misplaced_tag', index, seq: link.seq, expected: 'no tag or digest', actual: `${link.tag ?? ''}/${link.digest ?? ''}` },
        `seq ${link.seq}: a tag and digest belong only to an elided link from seq ${taggedFrom} on`,
      );
    }
    if (link.record) {
      if (link.record.seq !== link.seq) {
        return fail(
          { kind: 'record_seq_mismatch', index, seq: link.seq, expected: String(link.seq), actual: String(link.record.seq) },
          `seq ${link.seq}: the record inside claims seq ${link.record.seq}`,
        );
      }
      const bytes = canonicalBytes(link.record);
      const computed = tagged
        ? taggedChainHash(prev.hash, placementTag(link.record.placementId, sha256), recordDigest(bytes, sha256), sha256)
        : chainHash(prev.hash, bytes, sha256);
      if (computed !== link.hash) {
        return fail(
          { kind: 'hash_mismatch', index, seq: link.seq, expected: link.hash, actual: computed },
          `seq ${link.seq} (${link.record.type} ${link.record.id}): the record hashes to ${computed}, ` +
            `but the chain says ${link.hash}; the record was altered, or a record before it was removed, changed or reordered`,
        );
      }
    } else if (tagged) {
      if (link.tag === undefined || link.digest === undefined || !isHashHex(link.tag) || !isHashHex(link.digest)) {
        return fail(
          { kind: 'untagged_elision', index, seq: link.seq, expected: 'tag and digest', actual: 'seq and hash only' },
          `seq ${link.seq}: the link is elided without the placement tag and record digest that every link from seq ${taggedFrom} on must show`,
        );
      }
      const computed = taggedChainHash(prev.hash, link.tag, link.digest, sha256);
      if (computed !== link.hash) {
        return fail(
          { kind: 'hash_mismatch', index, seq: link.seq, expected: link.hash, actual: computed },
          `seq ${link.seq} (elided): its tag and digest hash to ${computed}, but the chain says ${link.hash}; the link claims another placement or record than it was chained with`,
        );
      }
    }
    prev = { seq: link.seq, hash: link.hash };
  }
  if (claimedHead && (claimedHead.seq !== prev.seq || claimedHead.hash !== prev.hash)) {
    return fail(
      { kind: 'head_mismatch', index: -1, seq: claimedHead.seq, expected: `${prev.seq}:${prev.hash}`, actual: `${claimedHead.seq}:${claimedHead.hash}` },
      `the claimed chain head (seq ${claimedHead.seq}, ${claimedHead.hash}) is not where the links end (seq ${prev.seq}, ${prev.hash})`,
    );
  }
  return { ok: true, head: prev };
}
