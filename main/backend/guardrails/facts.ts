/**
 * Gathers what the guardrail engine needs to know about a case from the database: the borrower's
 * zones, flags, opt-outs, consents and the recent contact history — ours and the lender's ledger.
 * The engine itself stays pure; this is the only place that reads for it.
 */
import type { Action, Channel, ContactResult, Facts, HistoryEntry, Party } from '../../../common/domain/guardrails';
import { activitiesRepo } from '../../../db/repos/activities';
import { casesRepo, type CaseRow, type ContactPointRow } from '../../../db/repos/cases';
import { placementsRepo } from '../../../db/repos/placements';
import type { Db } from '../../../db/open';

/** How far back history matters: the longest window any preset counts over, with margin. */
export const HISTORY_DAYS = 35;
const DAY_MS = 86_400_000;

const CHANNELS: ReadonlySet<string> = new Set(['call', 'sms', 'email', 'letter', 'visit']);

function parseList(json: string): string[] {
  const v = JSON.parse(json) as unknown;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export interface CaseFacts {
  facts: Facts;
  contactPoints: ContactPointRow[];
  debts: string[];
}

export function factsFor(db: Db, c: CaseRow, now: Date, contactPointId: string | null): CaseFacts {
  const borrower = casesRepo.borrower(db, c.borrower_id);
  const contactPoints = casesRepo.contactPoints(db, c.borrower_id);
  const debts = casesRepo.debts(db, c.id).map((d) => d.reference);
  const since = new Date(now.getTime() - HISTORY_DAYS * DAY_MS).toISOString();

  const history: HistoryEntry[] = [];
  for (const a of activitiesRepo.byCaseSince(db, c.id, since)) {
    if (!CHANNELS.has(a.channel)) continue; // notes are not contacts
    history.push({
      at: a.at,
      channel: a.channel as Channel,
      party: a.party,
      contact: a.contact_point_id ?? `${a.channel}:none`,
      debts: parseList(a.debts_json),
      result: a.result as ContactResult,
      source: 'local',
      direction: a.direction,
    });
  }
  for (const l of activitiesRepo.lenderContactsSince(db, c.id, since)) {
    history.push({
      at: l.at,
      channel: l.channel,
      party: l.party,
      contact: l.contact_key,
      debts: parseList(l.debts_json),
      result: l.result as ContactResult,
      source: 'lender',
    });
  }
  history.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const point = contactPointId ? contactPoints.find((p) => p.id === contactPointId) : undefined;
  const zones = new Set(parseList(borrower?.timezones_json ?? '[]'));
  if (point?.timezone) zones.add(point.timezone);

  const facts: Facts = {
    borrower: { timezones: [...zones] },
    flags: {
      cease: c.flag_cease === 1,
      dispute: c.flag_dispute === 1,
      complaintOpen: c.flag_complaint === 1,
      attorney: c.flag_attorney === 1,
      vulnerable: parseList(borrower?.vulnerabilities_json ?? '[]').length > 0 || c.flag_hardship === 1,
      recalled: c.recalled_at !== null || c.status === 'recalled',
      bankrupt: c.flag_bankrupt === 1,
      deceased: c.flag_deceased === 1,
    },
    optOuts: point ? (parseList(point.opt_outs_json) as Channel[]) : [],
    consents: activitiesRepo
      .consentsSince(db, c.id, since)
      .filter((x) => CHANNELS.has(x.channel))
      .map((x) => ({ at: x.at, channel: x.channel as Channel })),
    history,
    contactFlags: Object.fromEntries(
      contactPoints.map((p) => [p.id, { workplaceProhibited: p.workplace_prohibited === 1, invalid: p.invalid === 1 }]),
    ),
  };
  const placementZone = placementsRepo.byId(db, c.placement_id)?.default_timezone;
  if (placementZone) facts.defaultTimezone = placementZone;
  const notice = c.notice_json ? (JSON.parse(c.notice_json) as { kind?: string; sentAt?: string }) : null;
  if (notice?.kind === 'validation_notice' && notice.sentAt) facts.validationNoticeSentAt = notice.sentAt;
  return { facts, contactPoints, debts };
}

/** The action the queue asks about: a call to the borrower's first valid phone. */
export function defaultCallAction(points: ContactPointRow[], debts: string[]): Action {
  const phone = points.find((p) => p.party === 'borrower' && (p.kind === 'mobile' || p.kind === 'phone') && p.invalid === 0);
  return {
    channel: 'call',
    party: 'borrower',
    contact: phone?.id ?? 'call:none',
    debts,
    collectors: 1,
    text: null,
  };
}

export function partyOf(point: ContactPointRow | undefined): Party {
  return point?.party ?? 'borrower';
}
