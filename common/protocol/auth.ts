/**
 * Request authentication: after enrollment every request is signed by the workstation key.
 * Header: `Authorization: CaseDesk ws=<workstationId>, ts=<ISO instant>, sig=<base64 Ed25519>`
 * over the string below. The lender accepts a timestamp within AUTH_SKEW_MS of its clock.
 */
export const AUTH_SCHEME = 'CaseDesk';
export const AUTH_SKEW_MS = 5 * 60_000;

export function authSigningString(method: string, pathWithQuery: string, timestamp: string, bodySha256Hex: string): string {
  return `casedesk-request/1\n${method.toUpperCase()}\n${pathWithQuery}\n${timestamp}\n${bodySha256Hex}`;
}

export interface AuthHeader {
  workstationId: string;
  timestamp: string;
  signature: string;
}

export function formatAuthHeader(h: AuthHeader): string {
  return `${AUTH_SCHEME} ws=${h.workstationId}, ts=${h.timestamp}, sig=${h.signature}`;
}

export function parseAuthHeader(value: string | undefined): AuthHeader | undefined {
  if (!value) return undefined;
  const m = /^CaseDesk ws=([^,\s]+), ts=([^,\s]+), sig=([A-Za-z0-9+/=]+)$/.exec(value);
  if (!m || !m[1] || !m[2] || !m[3]) return undefined;
  return { workstationId: m[1], timestamp: m[2], signature: m[3] };
}
