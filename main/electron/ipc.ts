import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { fail, METHOD_NAMES, type MethodName, type Result } from '../../common/api';
import { isAppUrl } from './origin';

/** One channel per API method; the preload derives the same names from the same contract. */
export const channelOf = (name: MethodName): string => `casedesk:${name}`;

export interface IpcRelayDeps {
  /** Where calls go once the sender is trusted (the utility-process backend). */
  call(name: MethodName, input: unknown, session: string | undefined): Promise<Result<unknown>>;
  /** The one window whose top frame may call us. */
  window(): BrowserWindow | null;
}

/** Trusted = the top frame of our window, currently showing app://casedesk. Iframes and foreign pages are not. */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  const frame: WebFrameMain | null = event.senderFrame;
  if (!frame || !win || win.isDestroyed()) return false;
  const contents = win.webContents;
  // Compared by ids, not object identity: Electron may hand out a fresh WebFrameMain wrapper.
  if (event.sender.id !== contents.id) return false;
  const main = contents.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppUrl(frame.url);
}

export function registerIpc(deps: IpcRelayDeps): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(channelOf(name), async (event, input: unknown, session: unknown): Promise<Result<unknown>> => {
      // Everything inside one catch: a throw from the sender check, the relay or the backend is an
      // INTERNAL envelope, never a rejected invoke (which Electron would log with its arguments).
      try {
        if (!isTrustedSender(event, deps.window())) {
          return fail('FORBIDDEN', 'This caller may not use the CaseDesk API.');
        }
        // The session token is opaque here; only a short string is passed on, anything else is no session.
        const token = typeof session === 'string' && session.length > 0 && session.length <= 128 ? session : undefined;
        return await deps.call(name, input, token);
      } catch {
        return fail('INTERNAL', 'The request could not be relayed to the backend.');
      }
    });
  }
}
