import type { Db } from '../open';
import { stmt } from './statements';

export interface PlacementRow {
  id: string;
  lender_id: string;
  code: string;
  name: string;
  agreement_ref: string;
  preset: 'cn' | 'us-regf' | 'uk-conc';
  policy_json: string;
  policy_version: string;
  currency: string;
  default_timezone: string;
  start_date: string;
  end_date: string;
  target_minor: number;
  commission_bps: number;
  complaint_response_days: number;
  retention_days: number;
  agency_name: string;
  agency_phone: string;
  /** Postal address for letterheads (migration 15); '' when not set. */
  agency_address?: string;
  status: 'active' | 'ended' | 'recalled';
  created_at: string;
}

export interface PlacementWithLender extends PlacementRow {
  lender_name: string;
  lender_phone: string;
  complaint_channel: string;
}

export interface LenderRow {
  id: string;
  code: string;
  name: string;
  phone: string;
  complaint_channel: string;
  public_key_pem: string | null;
  created_at: string;
}

export const placementsRepo = {
  insertLender(db: Db, l: LenderRow): void {
    stmt(
      db,
      `INSERT INTO lenders (id, code, name, phone, complaint_channel, public_key_pem, created_at)
       VALUES (@id, @code, @name, @phone, @complaint_channel, @public_key_pem, @created_at)`,
    ).run(l);
  },
  insert(db: Db, p: PlacementRow): void {
    stmt(
      db,
      `INSERT INTO placements (id, lender_id, code, name, agreement_ref, preset, policy_json, policy_version, currency,
         default_timezone, start_date, end_date, target_minor, commission_bps, complaint_response_days, retention_days,
         agency_name, agency_phone, agency_address, status, created_at)
       VALUES (@id, @lender_id, @code, @name, @agreement_ref, @preset, @policy_json, @policy_version, @currency,
         @default_timezone, @start_date, @end_date, @target_minor, @commission_bps, @complaint_response_days,
         @retention_days, @agency_name, @agency_phone, @agency_address, @status, @created_at)`,
    ).run({ agency_address: '', ...p });
  },
  byId(db: Db, id: string): PlacementWithLender | undefined {
    return stmt(
      db,
      `SELECT p.*, l.name AS lender_name, l.phone AS lender_phone, l.complaint_channel
       FROM placements p JOIN lenders l ON l.id = p.lender_id WHERE p.id = ?`,
    ).get(id) as PlacementWithLender | undefined;
  },
  all(db: Db): PlacementWithLender[] {
    return stmt(
      db,
      `SELECT p.*, l.name AS lender_name, l.phone AS lender_phone, l.complaint_channel
       FROM placements p JOIN lenders l ON l.id = p.lender_id ORDER BY p.code`,
    ).all() as PlacementWithLender[];
  },
};
