/**
 * What the lender server keeps, behind one interface with two stores: SQLite (store/sqlite.ts, one
 * file, the default) and PostgreSQL (store/postgres.ts). Every method is async (a network database
 * is); `transaction` hands its callback a view whose calls run inside one database transaction.
 */
export type CodeUse = 'ok' | 'unknown' | 'expired' | 'used';

export interface WorkstationRow {
  id: string;
  publicKeyPem: string;
  name: string;
  enrolledAt: string;
  enrollmentCode: string;
}

export interface FeedRow {
  cursor: number;
  audience: string;
  kind: 'assignment' | 'recall' | 'balance' | 'payment';
  payload: string;
  signature: string;
  createdAt: string;
}

export interface StoredReport {
  id: string;
  workstationId: string;
  placementId: string;
  seq: number;
  text: string;
  signature: string;
  headSeq: number;
  headHash: string;
  leafIndex: number;
  receiptPayload: string;
  receiptSignature: string;
  acceptedAt: string;
}

export interface LenderStoreOps {
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
  createEnrollmentCode(code: string, createdAt: string, expiresAt: string): Promise<void>;
  /** Marks the code used by the workstation; 'used' when another workstation already used it. */
  consumeEnrollmentCode(code: string, workstationId: string, at: string): Promise<CodeUse>;
  getWorkstation(id: string): Promise<WorkstationRow | undefined>;
  addWorkstation(row: WorkstationRow): Promise<void>;
  addPlacementAudience(placementId: string, audience: string, at: string): Promise<void>;
  isPlacementAssigned(placementId: string, workstationId: string): Promise<boolean>;
  appendFeed(row: Omit<FeedRow, 'cursor'>): Promise<number>;
  feedSince(workstationId: string, after: number, limit: number): Promise<FeedRow[]>;
  lastReport(workstationId: string, placementId: string): Promise<StoredReport | undefined>;
  reportBySeq(workstationId: string, placementId: string, seq: number): Promise<StoredReport | undefined>;
  reportById(id: string): Promise<StoredReport | undefined>;
  reportCount(): Promise<number>;
  /**
   * Accepted reports in Merkle-log order after `afterLeaf`, with the signing workstation's public key;
   * only reports of placements assigned to `workstationId` (or to every workstation, `'*'`).
   */
  reportsAfterLeaf(workstationId: string, afterLeaf: number, limit: number): Promise<(StoredReport & { publicKeyPem: string })[]>;
  insertReport(row: StoredReport): Promise<void>;
  /** Hashes already accepted for these chain positions of the workstation. */
  chainHashes(workstationId: string, seqs: readonly number[]): Promise<Map<number, string>>;
  addChainHashes(workstationId: string, points: readonly { seq: number; hash: string }[]): Promise<void>;
  leafCount(): Promise<number>;
  /** Leaf hashes 0..count-1 in order. */
  leafHashes(count: number): Promise<Uint8Array[]>;
  appendLeaf(index: number, hash: Uint8Array, reportId: string): Promise<void>;
}

export interface TransactionOptions {
  /**
   * What the transaction must hold alone (e.g. a workstation id): transactions naming a common key
   * run one after the other; others may run side by side where the store allows (PostgreSQL
   * advisory locks). The SQLite store runs every transaction alone anyway.
   */
  lockKeys?: readonly string[];
}

export interface LenderStore extends LenderStoreOps {
  transaction<T>(fn: (tx: LenderStoreOps) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}
