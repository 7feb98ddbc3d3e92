/**
 * Appends n recorded contacts to a workstation's chain the way the services do: the activity row,
 * its chain link and outbox row, in one transaction (recordChange). Setup for report_sign and
 * sync_push; never timed.
 */
import { newId } from '../../common/ids';
import { activitiesRepo } from '../../db/repos/activities';
import type { AppContext } from '../../main/backend/context';
import { recordChange } from '../../main/backend/record/recordChange';

export interface FillTarget {
  placementId: string;
  caseIds: readonly string[];
  collectorId: string;
}

const RESULTS = ['no_answer', 'connected', 'voicemail', 'busy'] as const;

export function appendContacts(app: AppContext, target: FillTarget, n: number): void {
  const at = app.clock.now().toISOString();
  app.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = newId();
      const caseId = target.caseIds[i % target.caseIds.length] as string;
      const result = RESULTS[i % RESULTS.length] as (typeof RESULTS)[number];
      const outcome = result === 'connected' ? 'right_party' : result;
      activitiesRepo.insert(app.db, {
        id,
        case_id: caseId,
        at,
        channel: 'call',
        direction: 'outbound',
        party: 'borrower',
        contact_point_id: null,
        debts_json: '[]',
        result,
        outcome,
        text: null,
        disclosure_confirmed: result === 'connected' ? 1 : 0,
        identity_verified: result === 'connected' ? 1 : 0,
        collectors: 1,
        collector_id: target.collectorId,
        decision_id: null,
        source: 'local',
        created_at: at,
      });
      recordChange(app, {
        type: 'activity',
        id,
        caseId,
        placementId: target.placementId,
        at,
        body: { channel: 'call', direction: 'outbound', party: 'borrower', result, outcome, debts: [], collectorId: target.collectorId },
      });
    }
  })();
}
