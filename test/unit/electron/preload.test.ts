import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { contract, METHOD_NAMES } from '../../../common/api';
import { recorder } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

type Api = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
let api: Api;

beforeAll(async () => {
  recorder.reset();
  await import('../../../preload/electron');
  api = recorder.exposed.get('casedesk') as Api;
});
beforeEach(() => {
  recorder.invoked = [];
  recorder.invokeImpl = async () => ({ ok: true, value: 42 });
});

describe('preload bridge', () => {
  it('exposes only window.casedesk, shaped like the contract, with no generic invoke', () => {
    expect([...recorder.exposed.keys()]).toEqual(['casedesk']);
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    for (const [ns, methods] of Object.entries(contract)) {
      expect(Object.keys(api[ns]!).sort()).toEqual(Object.keys(methods).sort());
    }
    for (const generic of ['invoke', 'send', 'on', 'call', 'ipcRenderer']) expect(api).not.toHaveProperty(generic);
  });

  it('invokes exactly the channels main/electron/ipc.ts registers', async () => {
    const { channelOf } = await import('../../../main/electron/ipc');
    for (const name of METHOD_NAMES) {
      const [ns, m] = name.split('.') as [string, string];
      await api[ns]![m]!({ x: 1 });
    }
    expect(recorder.invoked.map((c) => c.channel)).toEqual(METHOD_NAMES.map(channelOf));
  });

  it('passes the envelope through', async () => {
    const [ns, m] = METHOD_NAMES[0]!.split('.') as [string, string];
    await expect(api[ns]![m]!({})).resolves.toEqual({ ok: true, value: 42 });
  });

  it('turns a malformed reply or a rejected invoke into INTERNAL, never a throw', async () => {
    const [ns, m] = METHOD_NAMES[0]!.split('.') as [string, string];
    recorder.invokeImpl = async () => 'not an envelope';
    await expect(api[ns]![m]!({})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    recorder.invokeImpl = async () => {
      throw new Error('No handler registered');
    };
    await expect(api[ns]![m]!({})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
