/**
 * The built web bridge (dist/host/bridge.js, built with scripts/bridge-contract.mjs) carries the
 * contract's method names but not its schemas, and exposes exactly the contract's methods over
 * fetch with the host token. Runs the real built file in a VM context with a stand-in window.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../common/api/contract';

const bridgeFile = path.resolve(__dirname, '..', '..', '..', 'dist', 'host', 'bridge.js');

interface Sent {
  url: string;
  init: { method: string; headers: Record<string, string>; body: string };
}

function runBridge() {
  const storage = new Map<string, string>();
  const sent: Sent[] = [];
  const fetch = (url: string, init: Sent['init']) => {
    sent.push({ url, init });
    const value = url.endsWith('auth.login') ? { user: { id: 'u1' }, token: 'session-secret' } : { echoed: url };
    return Promise.resolve({ status: 200, json: () => Promise.resolve({ ok: true, value }) });
  };
  const window: Record<string, unknown> = {
    location: { hash: '#token=tok_123', pathname: '/', search: '' },
    fetch,
  };
  const context = vm.createContext({
    window,
    sessionStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v), removeItem: (k: string) => storage.delete(k) },
    history: { replaceState: () => undefined },
    fetch,
    Object,
    JSON,
    Promise,
  });
  vm.runInContext(fs.readFileSync(bridgeFile, 'utf8'), context);
  return { api: window.casedesk as Record<string, Record<string, (i: unknown) => Promise<unknown>>>, sent, storage };
}

describe('the built web bridge', () => {
  it('is small: the contract schemas (zod) are not in it', () => {
    expect(fs.existsSync(bridgeFile), 'dist/host/bridge.js (run node scripts/build.mjs)').toBe(true);
    const text = fs.readFileSync(bridgeFile, 'utf8');
    expect(text.length).toBeLessThan(50_000);
    expect(text).not.toMatch(/node_modules\/zod\//);
  });

  it('exposes exactly the contract methods, each a POST to /api/<method> with the window cookie', async () => {
    const { api, sent } = runBridge();
    const exposed = Object.entries(api).flatMap(([ns, methods]) => Object.keys(methods).map((m) => `${ns}.${m}`));
    expect(exposed.sort()).toEqual([...METHOD_NAMES].sort());
    const r = await api.cases!.queue!({ offset: 0, limit: 10 });
    expect(r).toEqual({ ok: true, value: { echoed: '/api/cases.queue' } });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.init.headers.Authorization).toBeUndefined();
    expect((sent[0]?.init as { credentials?: string }).credentials).toBe('same-origin');
    expect(JSON.parse(sent[0]?.init.body ?? '')).toEqual({ offset: 0, limit: 10 });
  });

  it('keeps the session token in memory: sent with later calls, never written to sessionStorage', async () => {
    const { api, sent, storage } = runBridge();
    const signedIn = await api.auth!.login!({ username: 'u', password: 'p' });
    expect(JSON.stringify(signedIn)).not.toContain('session-secret');
    await api.cases!.queue!({});
    expect(sent[1]?.init.headers['X-CaseDesk-Session']).toBe('session-secret');
    expect([...storage.values()].join()).not.toContain('session-secret');
    expect(storage.size).toBe(0);
  });
});
