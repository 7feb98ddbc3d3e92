/**
 * GET /v1/log/sth, /v1/log/proof?index=&size= and /v1/log/consistency?first=&second=: the Merkle
 * log's signed head, inclusion proofs, and RFC 9162 §2.1.4 consistency proofs between two sizes;
 * GET /v1/log/entries?start=&end= (signed request): entries by index.
 */
import { z } from 'zod';
import { canonicalJson, utf8 } from '../../common/domain/chain/canonical';
import { toHex } from '../../common/domain/chain/hex';
import { consistencyProof, inclusionProof, rootFromLeafHashes } from '../../common/protocol/merkle';
import type { ConsistencyProof, LogEntries } from '../../common/protocol/receipt';
import type { SignedTreeHead } from '../../common/protocol/receipt';
import { sha256, signWith } from '../crypto';
import { HttpError, issuesOf } from '../http';
import type { LenderContext } from '../context';
import type { WorkstationRow } from '../store/types';

export async function signedTreeHead(lc: LenderContext): Promise<{ payload: string; signature: string }> {
  const size = await lc.store.leafCount();
  const leaves = await lc.store.leafHashes(size);
  const sth: SignedTreeHead = {
    format: 'casedesk.tree-head/1',
    lenderId: lc.identity.info.id,
    treeSize: size,
    rootHash: toHex(rootFromLeafHashes(leaves, sha256)),
    timestamp: lc.now().toISOString(),
  };
  const payload = canonicalJson(sth);
  return { payload, signature: signWith(lc.identity.keys.privateKey, utf8(payload)) };
}

const ProofQuery = z.strictObject({ index: z.coerce.number().int().min(0), size: z.coerce.number().int().min(1) });

export async function proof(query: URLSearchParams, lc: LenderContext): Promise<{ leafIndex: number; treeSize: number; inclusionProof: string[] }> {
  const parsed = ProofQuery.safeParse(Object.fromEntries(query));
  if (!parsed.success) throw new HttpError('BAD_REQUEST', 'bad proof query', { issues: issuesOf(parsed.error) });
  const { index, size } = parsed.data;
  const count = await lc.store.leafCount();
  if (size > count || index >= size) throw new HttpError('NOT_FOUND', `no leaf ${index} in a tree of ${size} (log size ${count})`);
  const leaves = await lc.store.leafHashes(size);
  return { leafIndex: index, treeSize: size, inclusionProof: inclusionProof(index, leaves, sha256).map(toHex) };
}

const ConsistencyQuery = z.strictObject({ first: z.coerce.number().int().min(0), second: z.coerce.number().int().min(0) });

/** That the log of `first` leaves is a prefix of the log of `second`: any two tree sizes it has had. */
export async function consistency(query: URLSearchParams, lc: LenderContext): Promise<ConsistencyProof> {
  const parsed = ConsistencyQuery.safeParse(Object.fromEntries(query));
  if (!parsed.success) throw new HttpError('BAD_REQUEST', 'bad consistency query', { issues: issuesOf(parsed.error) });
  const { first, second } = parsed.data;
  const count = await lc.store.leafCount();
  if (first > second || second > count) throw new HttpError('NOT_FOUND', `no consistency proof from ${first} to ${second} (log size ${count})`);
  const leaves = await lc.store.leafHashes(second);
  return { first, second, consistencyProof: consistencyProof(first, leaves, sha256).map(toHex) };
}

const EntriesQuery = z.strictObject({ start: z.coerce.number().int().min(0), end: z.coerce.number().int().min(0) });
const MAX_ENTRIES = 200;

/** Leaves start..end (inclusive, at most 200): every leaf hash, and the report behind it when the caller may see it. */
export async function entries(query: URLSearchParams, ws: WorkstationRow, lc: LenderContext): Promise<LogEntries> {
  const parsed = EntriesQuery.safeParse(Object.fromEntries(query));
  if (!parsed.success) throw new HttpError('BAD_REQUEST', 'bad entries query', { issues: issuesOf(parsed.error) });
  const { start, end } = parsed.data;
  const count = await lc.store.leafCount();
  if (start > end || end >= count || end - start + 1 > MAX_ENTRIES) {
    throw new HttpError('NOT_FOUND', `no entries ${start}…${end} (log size ${count}; at most ${MAX_ENTRIES} at once)`);
  }
  const hashes = (await lc.store.leafHashes(end + 1)).slice(start);
  const visible = new Map((await lc.store.reportsAfterLeaf(ws.id, start - 1, end - start + 1)).map((r) => [r.leafIndex, r]));
  return {
    entries: hashes.map((h, i) => {
      const r = visible.get(start + i);
      return { leafIndex: start + i, leafHash: toHex(h), ...(r ? { report: r.text, signature: r.signature } : {}) };
    }),
  };
}
