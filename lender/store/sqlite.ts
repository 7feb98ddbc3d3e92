/** The default LenderStore: one SQLite file, WAL + synchronous=FULL so an acknowledged report survives power loss. */
import Database from 'better-sqlite3';
import { LENDER_SCHEMA } from './schema';
import type { CodeUse, FeedRow, LenderStore, LenderStoreOps, StoredReport, WorkstationRow } from './types';

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

function opsFor(db: Database.Database): LenderStoreOps {
  const s = {
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    createCode: db.prepare<[string, string, string]>('INSERT INTO enrollment_codes (code, created_at, expires_at) VALUES (?, ?, ?)'),
    getCode: db.prepare<[string], { expires_at: string; used_by: string | null }>('SELECT expires_at, used_by FROM enrollment_codes WHERE code = ?'),
    useCode: db.prepare<[string, string, string]>('UPDATE enrollment_codes SET used_by = ?, used_at = ? WHERE code = ? AND used_by IS NULL'),
    getWs: db.prepare<[string], { id: string; public_key_pem: string; name: string; enrolled_at: string; enrollment_code: string }>(
      'SELECT * FROM workstations WHERE id = ?',
    ),
    addWs: db.prepare<[string, string, string, string, string]>(
      'INSERT INTO workstations (id, public_key_pem, name, enrolled_at, enrollment_code) VALUES (?, ?, ?, ?, ?)',
    ),
    addAudience: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO placement_audiences (placement_id, audience, created_at) VALUES (?, ?, ?)'),
    isAssigned: db.prepare<[string, string], { n: number }>(
      "SELECT count(*) AS n FROM placement_audiences WHERE placement_id = ? AND (audience = ? OR audience = '*')",
    ),
    appendFeed: db.prepare<[string, string, string, string, string]>(
      'INSERT INTO feed (audience, kind, payload, signature, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    feedSince: db.prepare<[string, number, number], { cursor: number; audience: string; kind: FeedRow['kind']; payload: string; signature: string; created_at: string }>(
      "SELECT * FROM feed WHERE (audience = ? OR audience = '*') AND cursor > ? ORDER BY cursor LIMIT ?",
    ),
    lastReport: db.prepare<[string, string], ReportDbRow>('SELECT * FROM reports WHERE workstation_id = ? AND placement_id = ? ORDER BY seq DESC LIMIT 1'),
    reportBySeq: db.prepare<[string, string, number], ReportDbRow>('SELECT * FROM reports WHERE workstation_id = ? AND placement_id = ? AND seq = ?'),
    reportById: db.prepare<[string], ReportDbRow>('SELECT * FROM reports WHERE id = ?'),
    // The feed's audience rule: a report is visible to the workstations its placement was assigned to.
    reportsAfterLeaf: db.prepare<[number, string, number], ReportDbRow & { public_key_pem: string }>(
      `SELECT r.*, w.public_key_pem FROM reports r JOIN workstations w ON w.id = r.workstation_id
       WHERE r.leaf_index > ?
         AND EXISTS (SELECT 1 FROM placement_audiences a WHERE a.placement_id = r.placement_id AND (a.audience = ? OR a.audience = '*'))
       ORDER BY r.leaf_index LIMIT ?`,
    ),
    reportCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM reports'),
    insertReport: db.prepare<ReportDbRow>(
      `INSERT INTO reports (id, workstation_id, placement_id, seq, text, signature, head_seq, head_hash, leaf_index, receipt_payload, receipt_signature, accepted_at)
       VALUES (@id, @workstation_id, @placement_id, @seq, @text, @signature, @head_seq, @head_hash, @leaf_index, @receipt_payload, @receipt_signature, @accepted_at)`,
    ),
    chainHash: db.prepare<[string, number], { hash: string }>('SELECT hash FROM chain_points WHERE workstation_id = ? AND seq = ?'),
    addChainHash: db.prepare<[string, number, string]>('INSERT OR IGNORE INTO chain_points (workstation_id, seq, hash) VALUES (?, ?, ?)'),
    leafCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM log_leaves'),
    leafHashes: db.prepare<[number], { leaf_hash: Buffer }>('SELECT leaf_hash FROM log_leaves WHERE leaf_index < ? ORDER BY leaf_index'),
    appendLeaf: db.prepare<[number, Buffer, string]>('INSERT INTO log_leaves (leaf_index, leaf_hash, report_id) VALUES (?, ?, ?)'),
  };
  return {
    getMeta: async (key) => s.getMeta.get(key)?.value,
    setMeta: async (key, value) => {
      s.setMeta.run(key, value);
    },
    createEnrollmentCode: async (code, createdAt, expiresAt) => {
      s.createCode.run(code, createdAt, expiresAt);
    },
    consumeEnrollmentCode: async (code, workstationId, at): Promise<CodeUse> => {
      const row = s.getCode.get(code);
      if (!row) return 'unknown';
      if (row.used_by !== null) return row.used_by === workstationId ? 'ok' : 'used';
      if (row.expires_at <= at) return 'expired';
      return s.useCode.run(workstationId, at, code).changes === 1 ? 'ok' : 'used';
    },
    getWorkstation: async (id): Promise<WorkstationRow | undefined> => {
      const r = s.getWs.get(id);
      return r && { id: r.id, publicKeyPem: r.public_key_pem, name: r.name, enrolledAt: r.enrolled_at, enrollmentCode: r.enrollment_code };
    },
    addWorkstation: async (w) => {
      s.addWs.run(w.id, w.publicKeyPem, w.name, w.enrolledAt, w.enrollmentCode);
    },
    addPlacementAudience: async (placementId, audience, at) => {
      s.addAudience.run(placementId, audience, at);
    },
    isPlacementAssigned: async (placementId, workstationId) => (s.isAssigned.get(placementId, workstationId)?.n ?? 0) > 0,
    appendFeed: async (row) => Number(s.appendFeed.run(row.audience, row.kind, row.payload, row.signature, row.createdAt).lastInsertRowid),
    feedSince: async (workstationId, after, limit) =>
      s.feedSince.all(workstationId, after, limit).map((r) => ({
        cursor: r.cursor,
        audience: r.audience,
        kind: r.kind,
        payload: r.payload,
        signature: r.signature,
        createdAt: r.created_at,
      })),
    lastReport: async (ws, p) => toReport(s.lastReport.get(ws, p)),
    reportBySeq: async (ws, p, seq) => toReport(s.reportBySeq.get(ws, p, seq)),
    reportById: async (id) => toReport(s.reportById.get(id)),
    reportsAfterLeaf: async (workstationId, after, limit) =>
      s.reportsAfterLeaf.all(after, workstationId, limit).map((r) => ({ ...(toReport(r) as StoredReport), publicKeyPem: r.public_key_pem })),
    reportCount: async () => s.reportCount.get()?.n ?? 0,
    insertReport: async (r) => {
      s.insertReport.run({
        id: r.id,
        workstation_id: r.workstationId,
        placement_id: r.placementId,
        seq: r.seq,
        text: r.text,
        signature: r.signature,
        head_seq: r.headSeq,
        head_hash: r.headHash,
        leaf_index: r.leafIndex,
        receipt_payload: r.receiptPayload,
        receipt_signature: r.receiptSignature,
        accepted_at: r.acceptedAt,
      });
    },
    chainHashes: async (ws, seqs) => {
      const out = new Map<number, string>();
      for (const seq of seqs) {
        const h = s.chainHash.get(ws, seq)?.hash;
        if (h !== undefined) out.set(seq, h);
      }
      return out;
    },
    addChainHashes: async (ws, points) => {
      for (const p of points) s.addChainHash.run(ws, p.seq, p.hash);
    },
    leafCount: async () => s.leafCount.get()?.n ?? 0,
    leafHashes: async (count) => s.leafHashes.all(count).map((r) => new Uint8Array(r.leaf_hash)),
    appendLeaf: async (index, hash, reportId) => {
      s.appendLeaf.run(index, Buffer.from(hash), reportId);
    },
  };
}

export function openSqliteLenderStore(file: string): LenderStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(LENDER_SCHEMA);
  const ops = opsFor(db);
  // One connection: writes are serialized through this queue so an open transaction never
  // absorbs another request's statements.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const locked = Object.fromEntries(
    Object.entries(ops).map(([name, f]) => [name, (...args: unknown[]) => exclusive(() => (f as (...a: unknown[]) => Promise<unknown>)(...args))]),
  ) as unknown as LenderStoreOps;
  return {
    ...locked,
    transaction: <T>(fn: (tx: LenderStoreOps) => Promise<T>) =>
      exclusive(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(ops);
          db.exec('COMMIT');
          return result;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      }),
    close: () =>
      exclusive(async () => {
        db.close();
      }),
  };
}
