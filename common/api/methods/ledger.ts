/**
 * The ledger's methods, in the `promises` namespace beside recording payments (issue 13): taking a
 * payment back, settlement offers and their approval, and lender payments held for review.
 */
import { z } from 'zod';
import { method } from '../method';
import { Id, IsoDate, MinorUnits, Reason } from '../schemas';
import type { BalanceView, PaymentConflictView, SettlementView } from '../types-ledger';

export const ledgerMethods = {
  reversePayment: method<BalanceView>()(
    z.strictObject({ caseId: Id, paymentId: Id, kind: z.enum(['returned', 'chargeback']), reason: Reason }),
    {
      roles: ['supervisor', 'admin'],
      description: 'Take a payment back (returned or charged back): re-opens what it paid and undoes its credits to arrangements (audited).',
    },
  ),
  proposeSettlement: method<SettlementView>()(
    z.strictObject({ caseId: Id, amountMinor: MinorUnits.min(1), dueDate: IsoDate, reason: Reason }),
    {
      description: 'Offer to settle for less than the balance: agreed at once within the placement’s discount authority, otherwise sent to a supervisor.',
    },
  ),
  settlements: method<SettlementView[]>()(z.strictObject({}), {
    roles: ['supervisor', 'admin'],
    description: 'Settlement offers waiting for a supervisor’s decision.',
  }),
  decideSettlement: method<SettlementView>()(
    z.strictObject({ settlementId: Id, approve: z.boolean(), reason: Reason }),
    { roles: ['supervisor', 'admin'], description: 'Approve or refuse a settlement offer above the discount authority (audited).' },
  ),
  paymentConflicts: method<PaymentConflictView[]>()(z.strictObject({}), {
    roles: ['supervisor', 'admin'],
    description: 'Lender-reported payments whose reference matches a local payment but whose amount or date does not.',
  }),
};
