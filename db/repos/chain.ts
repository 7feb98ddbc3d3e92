/** The chain table: prepared statements only. Rules live in main/backend/record. */
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
}

export interface LinkRow {
  seq: number;
  hash: string;
  placementId: string | null;
  canonical: string;
}

export const chainRepo = perConnection(function buildChainRepo(db: Db) {
  const head = db.prepare<[], Pick<ChainRow, 'seq' | 'hash'>>('SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare<ChainRow>(
    `INSERT INTO chain (seq, record_type, record_id, case_id, placement_id, at, canonical, prev_hash, hash)
     VALUES (@seq, @record_type, @record_id, @case_id, @placement_id, @at, @canonical, @prev_hash, @hash)`,
  );
  const range = db.prepare<[number, number], ChainRow>('SELECT * FROM chain WHERE seq > ? AND seq <= ? ORDER BY seq');
  // Only what a report's links and summary need: no prev_hash, ids or dates per row.
  const links = db.prepare<[number, number], LinkRow>('SELECT seq, hash, placement_id AS placementId, canonical FROM chain WHERE seq > ? AND seq <= ? ORDER BY seq');
  const all = db.prepare<[], ChainRow>('SELECT * FROM chain ORDER BY seq');
  const bySeq = db.prepare<[number], ChainRow>('SELECT * FROM chain WHERE seq = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM chain');
  return {
    head: (): Pick<ChainRow, 'seq' | 'hash'> | undefined => head.get(),
    insert: (row: ChainRow): void => {
      insert.run(row);
    },
    /** Rows with afterSeq < seq <= toSeq, in order. */
    range: (afterSeq: number, toSeq: number): ChainRow[] => range.all(afterSeq, toSeq),
    /** The links of a report's run: afterSeq < seq <= toSeq, in order. */
    links: (afterSeq: number, toSeq: number): LinkRow[] => links.all(afterSeq, toSeq),
    all: (): ChainRow[] => all.all(),
    bySeq: (seq: number): ChainRow | undefined => bySeq.get(seq),
    count: (): number => count.get()?.n ?? 0,
  };
});
