/**
 * A case's ledger read from SQLite and replayed by the pure domain. The stored `cases.balance_minor`
 * and `credit_minor` are kept by the postings' trigger; `checkStored` proves they equal the replay.
 */
import { COMPONENTS, ledgerTerms, replay, type LedgerTerms, type Posting, type Replayed } from '../../../../common/domain/ledger';
import { casesRepo, type CaseRow } from '../../../../db/repos/cases';
import { ledgerRepo, type PostingRow } from '../../../../db/repos/ledger';
import type { Db } from '../../../../db/open';
import { localDate } from '../derived';

export function toPosting(r: PostingRow): Posting {
  switch (r.kind) {
    case 'opening':
      return { kind: 'opening', id: r.id, components: { principal: r.principal_minor, interest: r.interest_minor, penalty: r.penalty_minor, fees: r.fees_minor } };
    case 'payment':
      // A payment's ledger id is its payment's id, so a reversal names it.
      return { kind: 'payment', id: r.payment_id ?? r.id, amountMinor: r.amount_minor };
    case 'reversal':
      return { kind: 'reversal', id: r.id, reversesId: r.reverses_id, amountMinor: r.amount_minor };
    case 'adjustment':
      return { kind: 'adjustment', id: r.id, component: r.component ?? 'principal', deltaMinor: r.delta_minor, reason: r.reason as 'accrual' };
    case 'discount':
      return { kind: 'discount', id: r.id, amountMinor: r.amount_minor };
  }
}

export function termsOf(db: Db, placementId: string): LedgerTerms {
  const t = ledgerRepo.terms(db, placementId);
  return ledgerTerms(t?.preset ?? 'cn', t?.ledger_terms_json);
}

export interface CaseLedger extends Replayed {
  rows: PostingRow[];
  terms: LedgerTerms;
}

export function caseLedger(db: Db, caseId: string, placementId: string): CaseLedger {
  const rows = ledgerRepo.postings(db, caseId);
  const terms = termsOf(db, placementId);
  return { ...replay(rows.map(toPosting), terms.allocationOrder), rows, terms };
}

/** The stored balance equals the replayed one, component totals included; the mismatch if not. */
export function checkStored(db: Db, caseId: string): { stored: [number, number]; replayed: [number, number] } | null {
  const c = casesRepo.byId(db, caseId);
  if (!c) return null;
  const { state } = caseLedger(db, caseId, c.placement_id);
  const replayed: [number, number] = [state.balanceMinor, state.creditMinor];
  const stored: [number, number] = [c.balance_minor, c.credit_minor];
  const sum = COMPONENTS.reduce((s, k) => s + state.remaining[k], 0);
  return stored[0] === replayed[0] && stored[1] === replayed[1] && sum === state.balanceMinor ? null : { stored, replayed };
}

/** The case's zone (its placement's) and the zones a payment may be dated in (also the borrower's). */
export function caseZones(db: Db, c: CaseRow): { zone: string; zones: string[] } {
  const zone = (db.prepare('SELECT default_timezone FROM placements WHERE id = ?').get(c.placement_id) as { default_timezone: string } | undefined)?.default_timezone ?? 'UTC';
  const b = casesRepo.borrower(db, c.borrower_id);
  let extra: string[] = [];
  try {
    const parsed: unknown = JSON.parse(b?.timezones_json ?? '[]');
    if (Array.isArray(parsed)) extra = parsed.filter((z): z is string => typeof z === 'string');
  } catch {
    extra = [];
  }
  return { zone, zones: [zone, ...extra] };
}

/** Today in the case's zone; and the latest date a payment may carry (today in any of its zones). */
export function caseToday(db: Db, c: CaseRow, now: Date): { zone: string; today: string; latestPaidOn: string } {
  const { zone, zones } = caseZones(db, c);
  const days = zones.map((z) => {
    try {
      return localDate(now, z);
    } catch {
      return localDate(now, zone);
    }
  });
  return { zone, today: localDate(now, zone), latestPaidOn: days.reduce((a, b) => (b > a ? b : a)) };
}
