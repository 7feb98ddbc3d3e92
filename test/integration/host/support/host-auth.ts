/** The headers that authenticate API calls to a host started by startHostProcess. */
import type { HostProcess } from './host-process';

export async function hostApiHeaders(host: HostProcess): Promise<Record<string, string>> {
  const token = /#token=([A-Za-z0-9_-]+)/.exec(host.url)?.[1];
  if (!token) throw new Error(`no token in ${host.url}`);
  return { Authorization: `Bearer ${token}` };
}
