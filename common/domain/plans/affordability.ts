/**
 * Income and expenditure → what the borrower can afford. The suggestion keeps a buffer (10% of
 * disposable income by default) so a plan is sustainable, as forbearance rules expect (CONC 7.3).
 */
export interface AffordabilityInput {
  monthlyIncomeMinor: number;
  monthlyExpenditureMinor: number;
  balanceMinor: number;
  bufferPercent?: number;
}

export interface AffordabilityResult {
  disposableMinor: number;
  suggestedMonthlyMinor: number;
  suggestedCount: number | null; // months to clear the balance; null when nothing is affordable
}

export function assessAffordability(a: AffordabilityInput): AffordabilityResult {
  const disposable = a.monthlyIncomeMinor - a.monthlyExpenditureMinor;
  if (disposable <= 0) return { disposableMinor: disposable, suggestedMonthlyMinor: 0, suggestedCount: null };
  const buffer = Math.ceil((disposable * (a.bufferPercent ?? 10)) / 100);
  const monthly = Math.max(1, disposable - buffer);
  const count = Math.ceil(a.balanceMinor / monthly);
  return { disposableMinor: disposable, suggestedMonthlyMinor: monthly, suggestedCount: Math.max(1, count) };
}
