/** The headers that authenticate API calls to a host started by startHostProcess, as a browser window gets them. */
import { rawRequest, type HostProcess, type RawResponse } from './host-process';

/** Opens a one-time launch URL as a browser would (no redirect following). */
export function openLaunchUrl(port: number, launchUrl: string): Promise<RawResponse> {
  const u = new URL(launchUrl);
  return rawRequest(port, { path: `${u.pathname}${u.search}`, headers: { Host: u.host } });
}

/** Trades the host's printed one-time link for its window cookie; the headers a page's fetch sends. */
export async function hostApiHeaders(host: HostProcess): Promise<Record<string, string>> {
  const r = await openLaunchUrl(host.port, host.url);
  const cookie = /^(casedesk_window=[^;]+)/.exec(String(r.headers['set-cookie'] ?? ''))?.[1];
  if (r.status !== 303 || !cookie) throw new Error(`the launch link did not give a window cookie (HTTP ${r.status})`);
  return { Cookie: cookie, Origin: `http://127.0.0.1:${host.port}` };
}
