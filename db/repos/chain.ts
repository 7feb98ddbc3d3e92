/** The chain table: prepared statements only. Rules live in main/backend/record. */
import type { LinkSource } from '../../common/domain/report/text';
import type { Db } from '../open';
import { perConnection } from './per-connection';

export interface ChainRow {
  seq: number;
  record_type: string;
  record_id: string;
  case_id: string | null;
  placement_id: string | null;
  at: string;
  canonical: string;
  prev_hash: string;
  hash: string;
  /** The record's part in report figures (canonical JSON of a Tally); null if chained before migration 7. */
  tally: string | null;
  /** Chain formula 2 (migration 17 on): the placement tag and record digest hashed into the link; null before. */
  tag: string | null;
  digest: string | null;
}

export const chainRepo = perConnection(function buildChainRepo(db: Db) {
  const head = db.prepare<[], Pick<ChainRow, 'seq' | 'hash'>>('SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare<ChainRow>(
    `INSERT INTO chain (seq, record_type, record_id, case_id, placement_id, at, canonical, prev_hash, hash, tally, tag, digest)
     VALUES (@seq, @record_type, @record_id, @case_id, @placement_id, @at, @canonical, @prev_hash, @hash, @tally, @tag, @digest)`,
  );
  const range = db.prepare<[number, number], ChainRow>('SELECT * FROM chain WHERE seq > ? AND seq <= ? ORDER BY seq');
  // Only what a report's links and summary need: no prev_hash, ids or dates per row.
  const links = db.prepare<[number, number], LinkSource>('SELECT seq, hash, placement_id AS placementId, canonical, tag, digest FROM chain WHERE seq > ? AND seq <= ? ORDER BY seq');
  /*
   * A report's links joined in SQLite, as bytes: the placement's records in full, others as seq +
   * hash (with tag and digest for formula-2 rows), each exactly as linkText (common/domain/report/text.ts) writes it — hashes are hex and
   * seqs integers, so no escaping is needed. One value instead of 10,000 rows and strings.
   * The rows come in seq order because SQLite walks a rowid range in order; an ORDER BY inside
   * group_concat would sort them again (three times the cost). Every send re-checks these bytes
   * against linkText's, in ORDER BY seq, through the signature (main/backend/reports/text.ts).
   */
  const joinedLinks = db.prepare<{ placementId: string; after: number; to: number }, { links: Buffer | null; n: number; first: number | null; last: number | null }>(
    `SELECT CAST(group_concat(
              CASE WHEN placement_id = @placementId
                THEN format('{"hash":"%s","record":%s,"seq":%d}', hash, canonical, seq)
                WHEN digest IS NOT NULL AND tag IS NOT NULL
                THEN format('{"digest":"%s","hash":"%s","seq":%d,"tag":"%s"}', digest, hash, seq, tag)
                ELSE format('{"hash":"%s","seq":%d}', hash, seq) END,
              ',') AS BLOB) AS links,
            count(*) AS n, min(seq) AS first, max(seq) AS last
       FROM chain WHERE seq > @after AND seq <= @to`,
  );
  const tallies = db.prepare<{ placementId: string; after: number; to: number; from: string }, { tally: string | null; late: 0 | 1; n: number }>(
    `SELECT tally, at < @from AS late, count(*) AS n FROM chain
      WHERE seq > @after AND seq <= @to AND +placement_id = @placementId GROUP BY tally, late`,
  );
  const untallied = db.prepare<{ placementId: string; after: number; to: number }, { canonical: string; at: string }>(
    'SELECT canonical, at FROM chain WHERE seq > @after AND seq <= @to AND +placement_id = @placementId AND tally IS NULL ORDER BY seq',
  );
  const firstAt = db.prepare<{ placementId: string; after: number; to: number }, { at: string }>(
    'SELECT at FROM chain WHERE seq > @after AND seq <= @to AND +placement_id = @placementId ORDER BY seq LIMIT 1',
  );
  const all = db.prepare<[], ChainRow>('SELECT * FROM chain ORDER BY seq');
  const bySeq = db.prepare<[number], ChainRow>('SELECT * FROM chain WHERE seq = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM chain');
  const firstTagged = db.prepare<[], { seq: number | null }>('SELECT min(seq) AS seq FROM chain WHERE digest IS NOT NULL');
  return {
    head: (): Pick<ChainRow, 'seq' | 'hash'> | undefined => head.get(),
    insert: (row: ChainRow): void => {
      insert.run(row);
    },
    /** Rows with afterSeq < seq <= toSeq, in order. */
    range: (afterSeq: number, toSeq: number): ChainRow[] => range.all(afterSeq, toSeq),
    /** The links of a report's run: afterSeq < seq <= toSeq, in order. */
    links: (afterSeq: number, toSeq: number): LinkSource[] => links.all(afterSeq, toSeq),
    /** The run's links as one comma-joined UTF-8 text, and how many there are. */
    joinedLinks: (placementId: string, afterSeq: number, toSeq: number): { bytes: Uint8Array; count: number; first: number | null; last: number | null } => {
      const row = joinedLinks.get({ placementId, after: afterSeq, to: toSeq });
      return { bytes: row?.links ?? new Uint8Array(0), count: row?.n ?? 0, first: row?.first ?? null, last: row?.last ?? null };
    },
    /** The placement's records in the run, grouped by tally and by whether they are dated before `from`. */
    tallies: (placementId: string, afterSeq: number, toSeq: number, from: string) => tallies.all({ placementId, after: afterSeq, to: toSeq, from }),
    /** Records of the run chained before tallies were kept. */
    untallied: (placementId: string, afterSeq: number, toSeq: number) => untallied.all({ placementId, after: afterSeq, to: toSeq }),
    /** When the placement's first record in the run happened. */
    firstAt: (placementId: string, afterSeq: number, toSeq: number): string | undefined => firstAt.get({ placementId, after: afterSeq, to: toSeq })?.at,
    all: (): ChainRow[] => all.all(),
    bySeq: (seq: number): ChainRow | undefined => bySeq.get(seq),
    count: (): number => count.get()?.n ?? 0,
    /**
     * The first seq hashed with the tagged formula: the first row with a digest, or, before any
     * such row, the next seq (every row appended from migration 17 on is tagged).
     */
    taggedFrom: (): number => firstTagged.get()?.seq ?? (head.get()?.seq ?? 0) + 1,
  };
});
