/** The backend's `Reason` rule (common/api/schemas.ts): 5–500 characters once trimmed. */
export const MIN_REASON = 5;
export const MAX_REASON = 500;

export function reasonOk(reason: string): boolean {
  const n = reason.trim().length;
  return n >= MIN_REASON && n <= MAX_REASON;
}
