/** What one link of the workstation's chain says. The canonical form of this object is what is hashed. */
export const CHAIN_RECORD_TYPES = [
  'activity',
  'promise',
  'payment',
  'complaint',
  'override',
  'decision',
  'plan',
  'case_flag',
  'outcome',
  // Personal data removed after the retention period: the attestation the lender sees (CN-PIPL).
  'purge',
  // The account ledger (issue 13): a lender adjustment or a settlement discount posted to a case.
  'ledger',
  // A settlement offer and what became of it (agreed, refused, fulfilled, cancelled).
  'settlement',
] as const;
export type ChainRecordType = (typeof CHAIN_RECORD_TYPES)[number];

export interface ChainRecord {
  type: ChainRecordType;
  id: string;
  caseId: string | null;
  placementId: string | null;
  at: string;
  body: Record<string, unknown>;
  seq: number;
  workstationId: string;
}

/** A stored link: the record plus the hashes that tie it to its predecessor. */
export interface ChainEntry {
  record: ChainRecord;
  prevHash: string;
  hash: string;
}
