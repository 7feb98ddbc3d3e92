/** The lender's money terms of a placement: the allocation order and the discount authority. */
import { PRESET_ORDERS, isAllocationOrder, type AllocationOrder } from './components';

export interface LedgerTerms {
  allocationOrder: AllocationOrder;
  /** The settlement discount a collector may agree alone, in basis points of the balance (0: none). */
  discountAuthorityBps: number;
}

/** Reads the placement's terms JSON over its preset's defaults; unknown or malformed fields fall back. */
export function ledgerTerms(preset: string, termsJson: string | null | undefined): LedgerTerms {
  const base = PRESET_ORDERS[preset as keyof typeof PRESET_ORDERS] ?? PRESET_ORDERS.cn;
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(termsJson ?? '{}');
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    raw = {};
  }
  const bps = raw.discountAuthorityBps;
  return {
    allocationOrder: isAllocationOrder(raw.allocationOrder) ? raw.allocationOrder : base,
    discountAuthorityBps: typeof bps === 'number' && Number.isInteger(bps) && bps >= 0 && bps <= 10_000 ? bps : 0,
  };
}
