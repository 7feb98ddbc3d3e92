/**
 * The loopback host's bridge: defines the same `window.casedesk` as the Electron preload, over
 * fetch to /api/<method>. Two secrets go with each call, neither in storage page script can read:
 * the window's credential, an HttpOnly cookie the host set when this window traded its one-time
 * launch code (main/host/launch-codes.ts), and the sign-in session token, kept in this bridge's
 * closure only — not in sessionStorage — so a reload signs the window out and asks to sign in again.
 * The bridge runs before the app and keeps its own reference to fetch, so a later replacement of
 * window.fetch does not see the token.
 */
import { buildClient, type CaseDeskApi } from '../common/api/contract';
import { fail, isResult, type Result } from '../common/api/result';
import { memoryTokenStore, withSession } from '../common/api/session-client';

const send = window.fetch.bind(window);

async function call(name: string, input: unknown, session: string | null): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await send(`/api/${name}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(session ? { 'X-CaseDesk-Session': session } : {}),
      },
      body: JSON.stringify(input ?? {}),
      // The window cookie (HttpOnly, SameSite=Strict) goes to our own origin only.
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return fail('INTERNAL', 'CaseDesk’s local service is not answering. Is it still running?');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fail('INTERNAL', `Unexpected answer from the local service (HTTP ${response.status}).`);
  }
  return isResult(body) ? body : fail('INTERNAL', `Unexpected answer from the local service (HTTP ${response.status}).`);
}

const api: CaseDeskApi = buildClient(withSession(call, memoryTokenStore()));
Object.defineProperty(window, 'casedesk', { value: Object.freeze(api), writable: false, configurable: false });
