import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, type Result } from '../../../common/api';
import { FakeBrowserWindow, FakeFrame, FakeWebContents, recorder } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { channelOf, registerIpc } = await import('../../../main/electron/ipc');

type Handler = (event: unknown, input: unknown, session?: unknown) => Promise<Result<unknown>>;

let win: FakeBrowserWindow;
let backendCall: ReturnType<typeof vi.fn>;

beforeEach(() => {
  recorder.reset();
  win = new FakeBrowserWindow({});
  backendCall = vi.fn(async (name: string, input: unknown) => ({ ok: true, value: { name, input } }));
  registerIpc({ call: backendCall as never, window: () => win as never });
});

const handler = (name: string): Handler => {
  const fn = recorder.ipcHandlers.get(`casedesk:${name}`);
  if (!fn) throw new Error(`no handler for ${name}`);
  return fn as unknown as Handler;
};
const trustedEvent = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });
const someMethod = METHOD_NAMES[0]!;

describe('IPC registration', () => {
  it('registers exactly one ipcMain.handle per contract method and no other channel', () => {
    expect(METHOD_NAMES.length).toBeGreaterThan(0);
    expect([...recorder.ipcHandlers.keys()].sort()).toEqual(METHOD_NAMES.map((n) => `casedesk:${n}`).sort());
    expect(recorder.ipcHandlers.size).toBe(METHOD_NAMES.length);
    expect(channelOf(someMethod)).toBe(`casedesk:${someMethod}`);
  });

  it('has no generic channel', () => {
    for (const channel of recorder.ipcHandlers.keys()) expect(channel).toMatch(/^casedesk:[a-zA-Z]+\.[a-zA-Z]+$/);
  });
});

describe('sender check', () => {
  it('relays a call from our window top frame on app://casedesk to the backend', async () => {
    const result = await handler(someMethod)(trustedEvent(), { a: 1 });
    expect(result).toEqual({ ok: true, value: { name: someMethod, input: { a: 1 } } });
    expect(backendCall).toHaveBeenCalledWith(someMethod, { a: 1 }, undefined);
  });

  it('passes the preload’s session token on, and nothing that is not a short string', async () => {
    await handler(someMethod)(trustedEvent(), {}, 'session-token-1');
    expect(backendCall).toHaveBeenLastCalledWith(someMethod, {}, 'session-token-1');
    await handler(someMethod)(trustedEvent(), {}, { token: 'x' });
    expect(backendCall).toHaveBeenLastCalledWith(someMethod, {}, undefined);
    await handler(someMethod)(trustedEvent(), {}, 'x'.repeat(500));
    expect(backendCall).toHaveBeenLastCalledWith(someMethod, {}, undefined);
  });

  it('trusts a fresh wrapper of our main frame (same process and routing ids)', async () => {
    const main = win.webContents.mainFrame;
    const wrapper = { url: main.url, parent: null, processId: main.processId, routingId: main.routingId };
    const result = await handler(someMethod)({ sender: win.webContents, senderFrame: wrapper }, {});
    expect(result.ok).toBe(true);
  });

  const foreign: [string, () => unknown][] = [
    ['a remote page in our window', () => {
      win.webContents.mainFrame.url = 'https://evil.example/';
      return trustedEvent();
    }],
    ['a look-alike host', () => {
      win.webContents.mainFrame.url = 'app://casedesk.evil/index.html';
      return trustedEvent();
    }],
    ['a file:// page', () => {
      win.webContents.mainFrame.url = 'file:///work/dist/renderer/index.html';
      return trustedEvent();
    }],
    ['an iframe on our origin', () => ({ sender: win.webContents, senderFrame: new FakeFrame('app://casedesk/x.html', win.webContents.mainFrame) })],
    ['a frame object that is not our main frame', () => ({ sender: win.webContents, senderFrame: new FakeFrame('app://casedesk/index.html') })],
    ['a destroyed frame (senderFrame null)', () => ({ sender: win.webContents, senderFrame: null })],
    ['another webContents', () => {
      const other = new FakeWebContents();
      return { sender: other, senderFrame: other.mainFrame };
    }],
    ['a closed window', () => {
      win.destroyed = true;
      return trustedEvent();
    }],
  ];

  it.each(foreign)('refuses %s with FORBIDDEN and never reaches the backend', async (_label, makeEvent) => {
    const result = await handler(someMethod)(makeEvent(), {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('FORBIDDEN');
    expect(backendCall).not.toHaveBeenCalled();
  });

  it('turns a relay failure into an INTERNAL envelope instead of a rejection', async () => {
    backendCall.mockRejectedValueOnce(new Error('boom'));
    const result = await handler(someMethod)(trustedEvent(), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
