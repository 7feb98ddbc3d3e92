/**
 * Inbound calls: who is calling? A search by phone number (whole, or the last four digits) over
 * the caller's visible cases. It reads personal data, so every search is audited — the number of
 * digits given and of cases found, never the number itself. Results are masked like everywhere.
 */
import type { InboundMatch } from '../../../common/api/methods/inbound';
import { AppError } from '../../../common/api/result';
import { LAST_DIGITS, MIN_FULL_DIGITS, phoneMatches, phoneQuery } from '../../../common/domain/cases/phone';
import { maskContact, maskName } from '../../../common/domain/privacy/mask';
import { phoneLookupRepo } from '../../../db/repos/phone-lookup';
import { appendAudit } from '../audit/audit';
import type { CallContext } from '../context';
import { visibleAssignees } from './access';

const LIMIT = 50;

export const inboundService = {
  findByPhone(ctx: CallContext, number: string): InboundMatch[] {
    const { db } = ctx.app;
    const at = ctx.app.clock.now().toISOString();
    const query = phoneQuery(number);
    if (query === null) {
      throw new AppError(
        'VALIDATION',
        `number: give the last ${LAST_DIGITS} digits or at least ${MIN_FULL_DIGITS} digits.`,
        { issues: [{ path: ['number'], message: 'the last 4 digits or a whole number' }] },
        { key: 'inbound.badNumber', params: { last: LAST_DIGITS, full: MIN_FULL_DIGITS } },
      );
    }
    // SQL narrows by the last four digits; the exact rule (common/domain/cases/phone.ts) decides.
    const rows = phoneLookupRepo.byTail(db, visibleAssignees(db, ctx.actor), query.slice(-LAST_DIGITS), LIMIT * 4);
    const matches = rows.filter((r) => phoneMatches(r.value, query)).slice(0, LIMIT);
    appendAudit(db, at, {
      actorId: ctx.actor.id,
      action: 'pii.phone_search',
      objectType: 'contact_point',
      objectId: 'search',
      outcome: 'ok',
      details: { digits: query.length, found: matches.length },
    });
    return matches.map((r) => ({
      caseId: r.case_id,
      reference: r.reference,
      status: r.status,
      placementCode: r.placement_code,
      borrowerName: maskName(r.full_name),
      contactPointId: r.contact_point_id,
      contact: maskContact(r.kind, r.value),
    }));
  },
};
