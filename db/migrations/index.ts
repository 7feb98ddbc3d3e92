/** The migration registry: numbered, strictly increasing, each applied once in its own transaction. */
import * as core from './0001_core';
import * as reporting from './0002_reporting';
import * as benchIndexes from './0003_bench_indexes';
import * as purge from './0004_purge';
import * as searchRowid from './0005_search_rowid';
import * as teamReports from './0006_team_reports';
import * as reportFrames from './0007_report_frames';
import * as outboxCounts from './0008_outbox_counts';
import * as activitiesExport from './0009_activities_export';
import * as auditIndexes from './0010_audit_indexes';
import * as ledger from './0011_ledger';
import * as callbacks from './0012_callbacks';
import * as appendOnly from './0013_append_only';
import * as agencyAddress from './0014_agency_address';
import * as chainTags from './0015_chain_tags';
import * as ledgerGuards from './0016_ledger_guards';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, ...core },
  { version: 2, ...reporting },
  { version: 3, ...benchIndexes },
  { version: 4, ...purge },
  { version: 5, ...searchRowid },
  { version: 6, ...teamReports },
  { version: 7, ...reportFrames },
  { version: 8, ...outboxCounts },
  { version: 9, ...activitiesExport },
  { version: 10, ...auditIndexes },
  { version: 11, ...ledger },
  { version: 12, ...callbacks },
  { version: 13, ...appendOnly },
  { version: 14, ...agencyAddress },
  { version: 15, ...chainTags },
  { version: 16, ...ledgerGuards },
];

export function checkRegistry(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration registry out of order: entry ${i} has version ${m.version}, expected ${i + 1}`);
    }
  });
}
