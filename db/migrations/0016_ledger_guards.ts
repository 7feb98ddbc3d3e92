/**
 * The money tables made append-only against any SQLite client, as migration 13 did for the older
 * ones: a BEFORE INSERT trigger refuses an insert that collides with an existing row, so
 * `INSERT OR REPLACE` / `REPLACE` can never rewrite a posting, an arrangement credit, a recorded
 * outcome or a callback (their UPDATE and DELETE guards come with their own migrations).
 */
import { refuseReplace } from './append-only';

export const name = 'ledger_guards';
export const sql = [
  refuseReplace('ledger_postings', [['id']]),
  refuseReplace('arrangement_credits', [['id']]),
  refuseReplace('case_outcomes', [['id']]),
  refuseReplace('callbacks', [['id']]),
].join('\n');
