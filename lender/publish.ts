/** Signs and queues lender packages (assignments, recalls, balances, payments) into the feed. */
import { randomUUID } from 'node:crypto';
import { canonicalJson, utf8 } from '../common/domain/chain/canonical';
import {
  AssignmentPackageSchema,
  BalanceUpdateSchema,
  LenderPaymentSchema,
  RecallSchema,
  type AssignmentPackageInput,
  type BalanceUpdateInput,
  type LenderPackage,
  type LenderPaymentInput,
  type RecallInput,
} from '../common/protocol/packages';
import { signWith } from './crypto';
import type { LenderContext } from './context';
import type { FeedRow } from './store/types';

type Auto = 'kind' | 'id' | 'issuedAt';
export type AssignmentDraft = Omit<AssignmentPackageInput, Auto | 'lender'> & { id?: string };
export type RecallDraft = Omit<RecallInput, Auto> & { id?: string };
export type BalanceDraft = Omit<BalanceUpdateInput, Auto> & { id?: string };
export type PaymentDraft = Omit<LenderPaymentInput, Auto> & { id?: string };

export interface Published {
  id: string;
  cursor: number;
  payload: string;
  signature: string;
}

async function publish(lc: LenderContext, pkg: LenderPackage): Promise<Published> {
  const payload = canonicalJson(pkg);
  const signature = signWith(lc.identity.keys.privateKey, utf8(payload));
  const now = lc.now().toISOString();
  const cursor = await lc.store.transaction(async (tx) => {
    if (pkg.kind === 'assignment') await tx.addPlacementAudience(pkg.placement.id, pkg.to, now);
    return tx.appendFeed({ audience: pkg.to, kind: pkg.kind, payload, signature, createdAt: now });
  });
  return { id: pkg.id, cursor, payload, signature };
}

const base = (lc: LenderContext, id?: string) => ({ id: id ?? randomUUID(), issuedAt: lc.now().toISOString() });

export const publishAssignment = (lc: LenderContext, d: AssignmentDraft) =>
  publish(lc, AssignmentPackageSchema.parse({ ...d, ...base(lc, d.id), kind: 'assignment', lender: lc.identity.info }));
export const publishRecall = (lc: LenderContext, d: RecallDraft) => publish(lc, RecallSchema.parse({ ...d, ...base(lc, d.id), kind: 'recall' }));
export const publishBalance = (lc: LenderContext, d: BalanceDraft) =>
  publish(lc, BalanceUpdateSchema.parse({ ...d, ...base(lc, d.id), kind: 'balance' }));
export const publishPayment = (lc: LenderContext, d: PaymentDraft) =>
  publish(lc, LenderPaymentSchema.parse({ ...d, ...base(lc, d.id), kind: 'payment' }));

/** Tests only: put an arbitrary envelope in the feed (e.g. a package with a forged signature). */
export async function publishRaw(lc: LenderContext, row: { audience: string; kind: FeedRow['kind']; payload: string; signature: string }): Promise<number> {
  return lc.store.appendFeed({ ...row, createdAt: lc.now().toISOString() });
}
