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
import { addSummary, emptySummary } from '../../../common/domain/report/summary';

/** `period`: whole days of the agency's time zone, both inclusive. */
export function remoteTeam(db: Db, workstationId: string, period: { from: string; to: string; timeZone: string }, placementId: string | undefined): RemoteTeamView {
  const { fromInstant, toInstant } = periodBounds(period.from, period.to, period.timeZone);
  const codes = new Map(placementsRepo.all(db).map((p) => [p.id, p.code]));
  const groups = new Map<string, { workstationId: string; placementId: string; reports: number; coveredUntil: string; sum: ReportSummary }>();
  for (const r of teamReportsRepo.overlapping(db, fromInstant, toInstant, workstationId)) {
    if (placementId && r.placement_id !== placementId) continue;
    const key = `${r.workstation_id}|${r.placement_id}`;
    let g = groups.get(key);
    if (!g) {
      g = { workstationId: r.workstation_id, placementId: r.placement_id, reports: 0, coveredUntil: r.period_to, sum: emptySummary() };
      groups.set(key, g);
    }
    g.reports++;
    addSummary(g.sum, JSON.parse(r.summary_json) as ReportSummary);
    if (r.period_to > g.coveredUntil) g.coveredUntil = r.period_to;
  }
  const workstations = [...groups.values()].map(
    ({ sum, ...g }): RemoteWorkstationFigures => ({
      ...g,
      placementCode: codes.get(g.placementId) ?? null,
      attemptsByChannel: sum.attemptsByChannel,
      rightPartyContacts: sum.rightPartyContacts,
      promisesMade: sum.promisesMade,
      promisesKept: sum.promisesKept,
      collected: Object.entries(sum.amountsCollected).map(([currency, minor]) => ({ minor, currency })),
      complaintsOpened: sum.complaintsOpened,
      complaintsResolved: sum.complaintsResolved,
      guardrailBlocks: sum.guardrailBlocks,
      guardrailOverrides: sum.guardrailOverrides,
    }),
  );
  return { source: 'lender-verified-reports', lastPulledAt: teamReportsRepo.lastPulledAt(db), workstations };
}
