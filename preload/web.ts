/**
 * The loopback host's bridge: defines the same `window.casedesk` as the Electron preload, over
 * fetch to /api/<method>. Two secrets travel with each call: the per-launch host token (it arrives
 * once in the URL fragment, moves to sessionStorage and leaves the address bar) and the sign-in
 * session token, which the session layer keeps and the renderer never sees.
 */
import { buildClient, type CaseDeskApi } from '../common/api/contract';
import { fail, isResult, type Result } from '../common/api/result';
import { withSession, type TokenStore } from '../common/api/session-client';

const HOST_KEY = 'casedesk.host-token';
const SESSION_KEY = 'casedesk.session';

function takeHostToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(HOST_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(HOST_KEY) ?? '';
}

const hostToken = takeHostToken();

// Per tab, so a reload keeps the sign-in but a new tab or a browser restart does not.
const sessionStore: TokenStore = {
  get: () => sessionStorage.getItem(SESSION_KEY),
  set: (t) => (t === null ? sessionStorage.removeItem(SESSION_KEY) : sessionStorage.setItem(SESSION_KEY, t)),
};

async function call(name: string, input: unknown, session: string | null): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${hostToken}`,
        ...(session ? { 'X-CaseDesk-Session': session } : {}),
      },
      body: JSON.stringify(input ?? {}),
      credentials: 'omit',
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

const api: CaseDeskApi = buildClient(withSession(call, sessionStore));
Object.defineProperty(window, 'casedesk', { value: Object.freeze(api), writable: false, configurable: false });
