/**
 * The loopback host's bridge: defines the same `window.casedesk` as the Electron preload, over
 * fetch to /api/<method> with the per-launch token. The token arrives once in the URL fragment,
 * moves to sessionStorage and leaves the address bar.
 */
import { buildClient, type CaseDeskApi } from '../common/api/contract';
import { fail, isResult, type Result } from '../common/api/result';

const STORAGE_KEY = 'casedesk.token';

function takeToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(STORAGE_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(STORAGE_KEY) ?? '';
}

const token = takeToken();

async function call(name: string, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
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

const api: CaseDeskApi = buildClient(call);
Object.defineProperty(window, 'casedesk', { value: Object.freeze(api), writable: false, configurable: false });
