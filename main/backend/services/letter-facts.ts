/**
 * What a letter says besides its amounts, read from the case: the recipient's postal address, the
 * promise, plan or complaint an event letter confirms, and whether the case is in the state the
 * letter states. A letter type whose fact is missing is refused by name, never sent half-filled.
 */
import { AppError } from '../../../common/api/result';
import type { LetterFacts } from '../../../common/domain/letters/fields';
import type { LetterType } from '../../../common/domain/templates';
import type { Db } from '../../../db/open';
import { casesRepo, type BorrowerRow, type CaseRow } from '../../../db/repos/cases';
import { complaintsRepo } from '../../../db/repos/complaints';
import { promisesRepo } from '../../../db/repos/promises';
import { localDate } from './derived';

/** The chosen contact point when it is a valid postal address of the borrower, else the borrower's address. */
export function recipientAddress(db: Db, borrower: BorrowerRow, contactPointId: string | null): string {
  const point = contactPointId ? casesRepo.contactPoint(db, contactPointId) : undefined;
  if (point && point.borrower_id === borrower.id && point.kind === 'address' && point.invalid === 0 && point.value.trim() !== '') return point.value;
  return borrower.address;
}

type EventFacts = Pick<LetterFacts, 'promise' | 'plan' | 'complaint'>;

function refuse(key: string, message: string, params: Record<string, string> = {}): never {
  throw new AppError('CONFLICT', message, undefined, { key: `letters.${key}`, params });
}

/** The promise, plan or complaint a letter of this type needs, or a CONFLICT naming what is missing. */
export function eventFacts(db: Db, c: CaseRow, type: LetterType, zone: string): EventFacts {
  switch (type) {
    case 'promise_confirmation': {
      const open = promisesRepo.byCase(db, c.id).filter((p) => p.status === 'open').sort((a, b) => a.due_date.localeCompare(b.due_date))[0];
      if (!open) refuse('noPromise', `Case ${c.reference} has no open promise to confirm.`, { reference: c.reference });
      return { promise: { amountMinor: open.amount_minor, dueDate: open.due_date } };
    }
    case 'plan_confirmation': {
      const plan = promisesRepo.plansByCase(db, c.id).filter((p) => p.status === 'active').sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
      if (!plan) refuse('noPlan', `Case ${c.reference} has no active payment plan to confirm.`, { reference: c.reference });
      const schedule = promisesRepo.installments(db, plan.id).sort((a, b) => a.seq - b.seq).map((i) => ({ dueDate: i.due_date, amountMinor: i.amount_minor }));
      return { plan: schedule };
    }
    case 'paid_in_full':
    case 'settled':
      if (c.outcome !== type) refuse('outcomeRequired', `Case ${c.reference} is not closed as ${type}; record that outcome before this letter.`, { reference: c.reference, outcome: type });
      return {};
    case 'complaint_acknowledgement':
    case 'complaint_final_response': {
      const all = complaintsRepo.byCase(db, c.id).sort((a, b) => b.opened_at.localeCompare(a.opened_at));
      const complaint = all.find((x) => x.status !== 'resolved') ?? all[0];
      if (!complaint) refuse('noComplaint', `Case ${c.reference} has no complaint to answer.`, { reference: c.reference });
      if (type === 'complaint_final_response' && !complaint.response?.trim()) {
        refuse('noComplaintResponse', `The complaint on case ${c.reference} has no response written yet.`, { reference: c.reference });
      }
      // Instants become dates of the placement's zone, as the letter's own date is.
      const day = (iso: string) => localDate(new Date(iso), zone);
      return { complaint: { openedAt: day(complaint.opened_at), dueAt: day(complaint.due_at), response: complaint.response } };
    }
    default:
      return {};
  }
}
