/**
 * The team's work from other workstations: the verified progress reports pulled through the
 * lender, summed per workstation and placement over the reports whose period overlaps the one
 * asked for. Report periods do not align with calendar days, so a report that straddles the edge
 * counts whole; the view says until when each workstation's figures run.
 */
import type { RemoteTeamView, RemoteWorkstationFigures } from '../../../common/api/types-supervisor';
import type { ReportSummary } from '../../../common/protocol/report';
import { placementsRepo } from '../../../db/repos/placements';
import { teamReportsRepo } from '../../../db/repos/team-reports';
import type { Db } from '../../../db/open';
import { periodBounds } from '../../../common/domain/periods/days';

/** `period`: whole days of the agency's time zone, both inclusive. */
export function remoteTeam(db: Db, workstationId: string, period: { from: string; to: string; timeZone: string }, placementId: string | undefined): RemoteTeamView {
  const { fromInstant, toInstant } = periodBounds(period.from, period.to, period.timeZone);
  const codes = new Map(placementsRepo.all(db).map((p) => [p.id, p.code]));
  const groups = new Map<string, RemoteWorkstationFigures & { amounts: Record<string, number> }>();
  for (const r of teamReportsRepo.overlapping(db, fromInstant, toInstant, workstationId)) {
    if (placementId && r.placement_id !== placementId) continue;
    const s = JSON.parse(r.summary_json) as ReportSummary;
    const key = `${r.workstation_id}|${r.placement_id}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        workstationId: r.workstation_id,
        placementId: r.placement_id,
        placementCode: codes.get(r.placement_id) ?? null,
        reports: 0,
        attemptsByChannel: { call: 0, sms: 0, email: 0, letter: 0, visit: 0 },
        rightPartyContacts: 0,
        promisesMade: 0,
        promisesKept: 0,
        collected: [],
        complaintsOpened: 0,
        complaintsResolved: 0,
        guardrailBlocks: 0,
        guardrailOverrides: 0,
        coveredUntil: r.period_to,
        amounts: {},
      };
      groups.set(key, g);
    }
    g.reports++;
    for (const ch of ['call', 'sms', 'email', 'letter', 'visit'] as const) g.attemptsByChannel[ch] += s.attemptsByChannel[ch];
    g.rightPartyContacts += s.rightPartyContacts;
    g.promisesMade += s.promisesMade;
    g.promisesKept += s.promisesKept;
    for (const [currency, minor] of Object.entries(s.amountsCollected)) g.amounts[currency] = (g.amounts[currency] ?? 0) + minor;
    g.complaintsOpened += s.complaintsOpened;
    g.complaintsResolved += s.complaintsResolved;
    g.guardrailBlocks += s.guardrailBlocks;
    g.guardrailOverrides += s.guardrailOverrides;
    if (r.period_to > g.coveredUntil) g.coveredUntil = r.period_to;
  }
  const workstations = [...groups.values()].map(({ amounts, ...g }) => ({
    ...g,
    collected: Object.entries(amounts).map(([currency, minor]) => ({ minor, currency })),
  }));
  return { source: 'lender-verified-reports', lastPulledAt: teamReportsRepo.lastPulledAt(db), workstations };
}
