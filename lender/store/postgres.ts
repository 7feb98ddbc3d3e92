/**
 * The LenderStore on PostgreSQL, for a lender with many agencies and workstations.
 *
 * Concurrency: unlike the SQLite store, writes are NOT funnelled through one process-wide queue.
 * A transaction that names lock keys takes a transaction-scoped advisory lock per key first
 * (`pg_advisory_xact_lock`), so two pushes of one workstation serialise while pushes of different
 * workstations run side by side; appending to the Merkle log takes the log's own advisory lock,
 * held only from reading the log's size to the commit. Locks end with the transaction, so a
 * crashed request never leaves one behind.
 */
import pg from 'pg';
import { LOG_APPEND_LOCK, MIGRATION_LOCK, PG_MIGRATIONS } from './pg-schema';
import type { CodeUse, FeedRow, LenderStore, LenderStoreOps, StoredReport, TransactionOptions, WorkstationRow } from './types';

interface ReportDbRow {
  id: string;
  workstation_id: string;
  placement_id: string;
  seq: number;
  text: string;
  signature: string;
  head_seq: number;
  head_hash: string;
  leaf_index: number;
  receipt_payload: string;
  receipt_signature: string;
  accepted_at: string;
}

const toReport = (r: ReportDbRow | undefined): StoredReport | undefined =>
  r && {
    id: r.id,
    workstationId: r.workstation_id,
    placementId: r.placement_id,
    seq: r.seq,
    text: r.text,
    signature: r.signature,
    headSeq: r.head_seq,
    headHash: r.head_hash,
    leafIndex: r.leaf_index,
    receiptPayload: r.receipt_payload,
    receiptSignature: r.receipt_signature,
    acceptedAt: r.accepted_at,
  };

// BIGINT (oid 20) as a JavaScript number: sequence numbers and leaf indexes stay far below 2^53.
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

type Queryable = Pick<pg.PoolClient, 'query'>;

async function rows<T>(q: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await q.query(sql, params)).rows as T[];
}
async function first<T>(q: Queryable, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(q, sql, params))[0];
}

function opsFor(q: Queryable, inTransaction: boolean): LenderStoreOps {
  return {
    getMeta: async (key) => (await first<{ value: string }>(q, 'SELECT value FROM meta WHERE key = $1', [key]))?.value,
    setMeta: async (key, value) => {
      await q.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
    },
    createEnrollmentCode: async (code, createdAt, expiresAt) => {
      await q.query('INSERT INTO enrollment_codes (code, created_at, expires_at) VALUES ($1, $2, $3)', [code, createdAt, expiresAt]);
    },
    consumeEnrollmentCode: async (code, workstationId, at): Promise<CodeUse> => {
      const row = await first<{ expires_at: string; used_by: string | null }>(q, 'SELECT expires_at, used_by FROM enrollment_codes WHERE code = $1', [code]);
      if (!row) return 'unknown';
      if (row.used_by !== null) return row.used_by === workstationId ? 'ok' : 'used';
      if (row.expires_at <= at) return 'expired';
      const r = await q.query('UPDATE enrollment_codes SET used_by = $1, used_at = $2 WHERE code = $3 AND used_by IS NULL', [workstationId, at, code]);
      return r.rowCount === 1 ? 'ok' : 'used';
    },
    getWorkstation: async (id): Promise<WorkstationRow | undefined> => {
      const r = await first<{ id: string; public_key_pem: string; name: string; enrolled_at: string; enrollment_code: string }>(q, 'SELECT * FROM workstations WHERE id = $1', [id]);
      return r && { id: r.id, publicKeyPem: r.public_key_pem, name: r.name, enrolledAt: r.enrolled_at, enrollmentCode: r.enrollment_code };
    },
    addWorkstation: async (w) => {
      await q.query('INSERT INTO workstations (id, public_key_pem, name, enrolled_at, enrollment_code) VALUES ($1, $2, $3, $4, $5)', [
        w.id,
        w.publicKeyPem,
        w.name,
        w.enrolledAt,
        w.enrollmentCode,
      ]);
    },
    addPlacementAudience: async (placementId, audience, at) => {
      await q.query('INSERT INTO placement_audiences (placement_id, audience, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [placementId, audience, at]);
    },
    isPlacementAssigned: async (placementId, workstationId) =>
      (await first<{ n: number }>(q, "SELECT count(*)::int AS n FROM placement_audiences WHERE placement_id = $1 AND (audience = $2 OR audience = '*')", [
        placementId,
        workstationId,
      ]))!.n > 0,
    appendFeed: async (row) =>
      (await first<{ cursor: number }>(q, 'INSERT INTO feed (audience, kind, payload, signature, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING cursor', [
        row.audience,
        row.kind,
        row.payload,
        row.signature,
        row.createdAt,
      ]))!.cursor,
    feedSince: async (workstationId, after, limit) =>
      (
        await rows<{ cursor: number; audience: string; kind: FeedRow['kind']; payload: string; signature: string; created_at: string }>(
          q,
          "SELECT * FROM feed WHERE (audience = $1 OR audience = '*') AND cursor > $2 ORDER BY cursor LIMIT $3",
          [workstationId, after, limit],
        )
      ).map((r) => ({ cursor: r.cursor, audience: r.audience, kind: r.kind, payload: r.payload, signature: r.signature, createdAt: r.created_at })),
    lastReport: async (ws, p) => toReport(await first<ReportDbRow>(q, 'SELECT * FROM reports WHERE workstation_id = $1 AND placement_id = $2 ORDER BY seq DESC LIMIT 1', [ws, p])),
    reportBySeq: async (ws, p, seq) => toReport(await first<ReportDbRow>(q, 'SELECT * FROM reports WHERE workstation_id = $1 AND placement_id = $2 AND seq = $3', [ws, p, seq])),
    reportById: async (id) => toReport(await first<ReportDbRow>(q, 'SELECT * FROM reports WHERE id = $1', [id])),
    reportsAfterLeaf: async (workstationId, after, limit) =>
      (
        await rows<ReportDbRow & { public_key_pem: string }>(
          q,
          `SELECT r.*, w.public_key_pem FROM reports r JOIN workstations w ON w.id = r.workstation_id
           WHERE r.leaf_index > $1
             AND EXISTS (SELECT 1 FROM placement_audiences a WHERE a.placement_id = r.placement_id AND (a.audience = $2 OR a.audience = '*'))
           ORDER BY r.leaf_index LIMIT $3`,
          [after, workstationId, limit],
        )
      ).map((r) => ({ ...(toReport(r) as StoredReport), publicKeyPem: r.public_key_pem })),
    reportCount: async () => (await first<{ n: number }>(q, 'SELECT count(*)::int AS n FROM reports'))!.n,
    insertReport: async (r) => {
      await q.query(
        `INSERT INTO reports (id, workstation_id, placement_id, seq, text, signature, head_seq, head_hash, leaf_index, receipt_payload, receipt_signature, accepted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [r.id, r.workstationId, r.placementId, r.seq, r.text, r.signature, r.headSeq, r.headHash, r.leafIndex, r.receiptPayload, r.receiptSignature, r.acceptedAt],
      );
    },
    chainHashes: async (ws, seqs) => {
      const out = new Map<number, string>();
      if (seqs.length === 0) return out;
      for (const r of await rows<{ seq: number; hash: string }>(q, 'SELECT seq, hash FROM chain_points WHERE workstation_id = $1 AND seq = ANY($2::bigint[])', [ws, [...seqs]])) {
        out.set(r.seq, r.hash);
      }
      return out;
    },
    addChainHashes: async (ws, points) => {
      if (points.length === 0) return;
      await q.query(
        'INSERT INTO chain_points (workstation_id, seq, hash) SELECT $1, s, h FROM unnest($2::bigint[], $3::text[]) AS t(s, h) ON CONFLICT DO NOTHING',
        [ws, points.map((p) => p.seq), points.map((p) => p.hash)],
      );
    },
    leafCount: async () => {
      // Inside a transaction the size read is the start of an append: hold the log's tail until commit.
      if (inTransaction) await q.query('SELECT pg_advisory_xact_lock($1)', [LOG_APPEND_LOCK]);
      return (await first<{ n: number }>(q, 'SELECT count(*)::int AS n FROM log_leaves'))!.n;
    },
    leafHashes: async (count) =>
      (await rows<{ leaf_hash: Buffer }>(q, 'SELECT leaf_hash FROM log_leaves WHERE leaf_index < $1 ORDER BY leaf_index', [count])).map((r) => new Uint8Array(r.leaf_hash)),
    appendLeaf: async (index, hash, reportId) => {
      await q.query('INSERT INTO log_leaves (leaf_index, leaf_hash, report_id) VALUES ($1, $2, $3)', [index, Buffer.from(hash), reportId]);
    },
  };
}

/** Applies the pending migrations, once, whatever number of instances start together. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    const known = Math.max(...PG_MIGRATIONS.map((m) => m.version));
    if (newest > known) throw new Error(`the lender database is at schema version ${newest}, newer than this server knows (${known}); upgrade the server`);
    for (const m of PG_MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export interface PostgresStoreOptions {
  /** A postgres:// URL, or libpq-style settings through `pool`. */
  connectionString?: string;
  pool?: pg.PoolConfig;
  /** Connections in the pool (default 10). */
  max?: number;
}

export async function openPostgresLenderStore(opts: PostgresStoreOptions): Promise<LenderStore> {
  const pool = new pg.Pool({ ...opts.pool, connectionString: opts.connectionString ?? opts.pool?.connectionString, max: opts.max ?? opts.pool?.max ?? 10, types });
  // An idle client's error (the server restarted) must not crash the lender; the next query reconnects.
  pool.on('error', () => undefined);
  await migratePostgres(pool);
  const direct = opsFor(pool, false);
  return {
    ...direct,
    transaction: async <T>(fn: (tx: LenderStoreOps) => Promise<T>, options?: TransactionOptions): Promise<T> => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Sorted, so two transactions naming the same keys always lock them in the same order.
        for (const key of [...new Set(options?.lockKeys ?? [])].sort()) {
          await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
        }
        const result = await fn(opsFor(client, true));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
