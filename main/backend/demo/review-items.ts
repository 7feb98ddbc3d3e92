/**
 * A supervisor opening the demo finds work waiting: complaints (one past its response deadline)
 * and override requests — real guardrail decisions on letters whose wording needs approval under
 * CONC 7 (forbearance), asked for by the collectors through the same services the app uses.
 */
import { AppError } from '../../../common/api/result';
import { casesRepo } from '../../../db/repos/cases';
import { templatesRepo } from '../../../db/repos/templates';
import { usersRepo } from '../../../db/repos/users';
import { SessionStore } from '../auth/sessions';
import type { AppContext, CallContext } from '../context';
import { complaintService } from '../services/complaints';
import { contactService } from '../services/contacts';
import { overrideService } from '../services/overrides';
import type { Rng } from './random';

const COMPLAINTS: { category: 'frequency' | 'conduct' | 'amount_disputed'; description: string }[] = [
  { category: 'frequency', description: '借款人表示本周接到的催收电话过于频繁。' },
  { category: 'amount_disputed', description: 'Borrower disputes the penalty interest added in October.' },
  { category: 'conduct', description: 'The borrower says the last caller was impatient and rude.' },
];

function ctxFor(app: AppContext, userId: string): CallContext {
  const u = usersRepo.byId(app.db, userId);
  if (!u) throw new Error('demo: unknown user');
  return {
    app,
    actor: { id: u.id, username: u.username, displayName: u.display_name, role: u.role },
    session: { store: new SessionStore(() => 0), token: undefined },
  };
}

export function seedReviewItems(app: AppContext, rng: Rng, caseIds: readonly string[]): { complaints: number; overrides: number } {
  let complaints = 0;
  let overrides = 0;
  const cases = caseIds.map((id) => casesRepo.byId(app.db, id)).filter((c): c is NonNullable<typeof c> => c !== undefined && c.assignee_id !== null);
  for (const [i, spec] of COMPLAINTS.entries()) {
    const c = cases[Math.floor(rng.next() * cases.length)];
    if (!c?.assignee_id) continue;
    const view = complaintService.create(ctxFor(app, c.assignee_id), { caseId: c.id, category: spec.category, channel: 'call', description: spec.description });
    complaints += 1;
    if (i === 0) {
      // One past its deadline, so the dashboard's "overdue" is not always zero.
      app.db.prepare("UPDATE complaints SET opened_at = datetime(opened_at, '-40 days'), due_at = datetime(due_at, '-40 days') WHERE id = ?").run(view.id);
    }
  }
  const ukLetterCases = cases.filter((c) => c.reference.startsWith('NB-UK') && c.flag_complaint === 0 && c.flag_cease === 0 && c.flag_dispute === 0).slice(0, 2);
  for (const c of ukLetterCases) {
    if (!c.assignee_id) continue;
    const ctx = ctxFor(app, c.assignee_id);
    const letter = templatesRepo.byPlacement(app.db, c.placement_id).find((t) => t.kind === 'letter' && t.language === 'en');
    if (!letter) continue;
    try {
      contactService.log(ctx, {
        caseId: c.id,
        channel: 'letter',
        contactPointId: null,
        direction: 'outbound',
        result: 'sent',
        outcome: 'sent',
        text: 'Private and confidential. Please settle the balance in full today. This is your final chance to avoid further action by the lender.',
        disclosureConfirmed: false,
        identityVerified: false,
        collectors: 1,
      });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'APPROVAL_REQUIRED') continue;
      const decisionId = (err.details as { decisionId?: string } | undefined)?.decisionId;
      if (!decisionId) continue;
      overrideService.request(ctx, { decisionId, reason: 'Borrower asked for a firm final-balance letter for their records.' });
      overrides += 1;
    }
  }
  return { complaints, overrides };
}
