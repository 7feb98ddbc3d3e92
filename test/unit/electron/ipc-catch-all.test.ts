/**
 * Every IPC handler answers with an envelope, whatever throws: Electron's senderFrame getter throws
 * once the frame is disposed ("Render frame was disposed"), and the window lookup may throw too.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, type Result } from '../../../common/api';
import { FakeBrowserWindow, recorder } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { registerIpc } = await import('../../../main/electron/ipc');

type Handler = (event: unknown, input: unknown, session?: unknown) => Promise<Result<unknown>>;
const name = METHOD_NAMES[0]!;
const handler = (): Handler => recorder.ipcHandlers.get(`casedesk:${name}`) as unknown as Handler;

let win: FakeBrowserWindow;
let throwingWindow = false;
beforeEach(() => {
  recorder.reset();
  throwingWindow = false;
  win = new FakeBrowserWindow({});
  registerIpc({
    call: async () => ({ ok: true, value: null }),
    window: () => {
      if (throwingWindow) throw new Error('window lookup failed');
      return win as never;
    },
  });
});

describe('IPC catch-all', () => {
  it('answers INTERNAL when reading the sender frame throws', async () => {
    const event = {
      sender: win.webContents,
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    await expect(handler()(event, {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('answers INTERNAL when the window lookup throws', async () => {
    throwingWindow = true;
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    await expect(handler()(event, {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
