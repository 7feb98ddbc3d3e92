/**
 * What the lender sends: each item is a signed envelope whose payload is the canonical JSON of one
 * of these. The workstation verifies the lender's signature before it parses, let alone imports.
 */
import { z } from 'zod';
import { CalendarDate, Currency, Instant, Minor, NonNegativeMinor, ProtocolId } from './primitives';

const Channel = z.enum(['call', 'sms', 'email', 'letter', 'visit']);
const Party = z.enum(['borrower', 'guarantor', 'third_party']);

/** Addressed to one workstation, or '*' for every workstation enrolled with the lender. */
const Audience = z.union([ProtocolId, z.literal('*')]);

export const LenderInfoSchema = z.strictObject({
  id: ProtocolId,
  code: z.string().min(1).max(50),
  name: z.string().min(1).max(200),
  phone: z.string().max(50).default(''),
  complaintChannel: z.string().max(500).default(''),
});

export const PlacementInfoSchema = z.strictObject({
  id: ProtocolId,
  code: z.string().min(1).max(50),
  name: z.string().min(1).max(200),
  agreementRef: z.string().min(1).max(200),
  preset: z.enum(['cn', 'us-regf', 'uk-conc']),
  policy: z.record(z.string(), z.unknown()).default({}),
  policyVersion: z.string().min(1).max(50),
  currency: Currency,
  defaultTimezone: z.string().min(1).max(64),
  startDate: CalendarDate,
  endDate: CalendarDate,
  targetMinor: NonNegativeMinor.default(0),
  commissionBps: z.number().int().min(0).max(10_000).default(0),
  complaintResponseDays: z.number().int().min(1).max(365).default(15),
  retentionDays: z.number().int().min(1).max(36_500).default(730),
});

export const ContactPointSchema = z.strictObject({
  id: ProtocolId,
  kind: z.enum(['mobile', 'phone', 'email', 'address', 'workplace']),
  party: Party,
  relation: z.string().max(50).default('self'),
  label: z.string().max(100).default(''),
  value: z.string().min(1).max(500),
  timezone: z.string().max(64).nullable().default(null),
});

export const LenderContactSchema = z.strictObject({
  id: ProtocolId,
  at: Instant,
  channel: Channel,
  party: Party,
  contactKey: z.string().min(1).max(200),
  debts: z.array(z.string().max(100)).default([]),
  result: z.string().min(1).max(50),
});

export const AssignedCaseSchema = z.strictObject({
  id: ProtocolId,
  reference: z.string().min(1).max(100),
  borrower: z.strictObject({
    id: ProtocolId,
    fullName: z.string().min(1).max(200),
    nationalId: z.string().max(50).default(''),
    address: z.string().max(500).default(''),
    timezones: z.array(z.string().max(64)).default([]),
    locale: z.string().max(20).default('zh-CN'),
  }),
  currency: Currency,
  principalMinor: NonNegativeMinor,
  interestMinor: NonNegativeMinor.default(0),
  penaltyMinor: NonNegativeMinor.default(0),
  feesMinor: NonNegativeMinor.default(0),
  dueSince: CalendarDate,
  dpd: z.number().int().min(0),
  debts: z.array(z.strictObject({ id: ProtocolId, reference: z.string().min(1).max(100), product: z.string().max(100).default('') })).default([]),
  contactPoints: z.array(ContactPointSchema).default([]),
  lenderContacts: z.array(LenderContactSchema).default([]),
  assessment: z.record(z.string(), z.unknown()).nullable().default(null),
});

export const AssignmentPackageSchema = z.strictObject({
  kind: z.literal('assignment'),
  id: ProtocolId,
  to: Audience,
  issuedAt: Instant,
  lender: LenderInfoSchema,
  placement: PlacementInfoSchema,
  cases: z.array(AssignedCaseSchema).max(100_000),
});
export type AssignmentPackage = z.infer<typeof AssignmentPackageSchema>;
export type AssignmentPackageInput = z.input<typeof AssignmentPackageSchema>;

export const RecallSchema = z.strictObject({
  kind: z.literal('recall'),
  id: ProtocolId,
  to: Audience,
  issuedAt: Instant,
  placementId: ProtocolId,
  /** null: the whole placement. */
  caseIds: z.array(ProtocolId).min(1).nullable(),
  recalledAt: Instant,
  reason: z.string().max(500).default(''),
});
export type Recall = z.infer<typeof RecallSchema>;
export type RecallInput = z.input<typeof RecallSchema>;

export const BalanceUpdateSchema = z.strictObject({
  kind: z.literal('balance'),
  id: ProtocolId,
  to: Audience,
  issuedAt: Instant,
  caseId: ProtocolId,
  principalMinor: NonNegativeMinor,
  interestMinor: NonNegativeMinor,
  penaltyMinor: NonNegativeMinor,
  feesMinor: NonNegativeMinor,
  asOf: Instant,
});
export type BalanceUpdate = z.infer<typeof BalanceUpdateSchema>;
export type BalanceUpdateInput = z.input<typeof BalanceUpdateSchema>;

export const LenderPaymentSchema = z.strictObject({
  kind: z.literal('payment'),
  id: ProtocolId,
  to: Audience,
  issuedAt: Instant,
  caseId: ProtocolId,
  amountMinor: Minor.refine((n) => n !== 0, 'a payment is never zero'),
  currency: Currency,
  paidOn: CalendarDate,
  reference: z.string().min(1).max(100),
});
export type LenderPayment = z.infer<typeof LenderPaymentSchema>;
export type LenderPaymentInput = z.input<typeof LenderPaymentSchema>;

export const LenderPackageSchema = z.discriminatedUnion('kind', [
  AssignmentPackageSchema,
  RecallSchema,
  BalanceUpdateSchema,
  LenderPaymentSchema,
]);
export type LenderPackage = z.infer<typeof LenderPackageSchema>;
export type LenderPackageKind = LenderPackage['kind'];
