/**
 * Sandboxed preload (bundled to dist/electron/preload.cjs; sandboxed preloads cannot require npm
 * modules). Exposes `window.casedesk`: the contract's named methods only, no generic invoke. The
 * sign-in session token stays here, in the isolated world, out of the renderer's reach.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildClient, fail, isResult, type Result } from '../common/api';
import { withSession } from '../common/api/session-client';

/** Must match main/electron/ipc.ts `channelOf`; a unit test holds the two together. */
const CHANNEL_PREFIX = 'casedesk:';

async function invoke(name: string, input: unknown, session: string | null): Promise<Result<unknown>> {
  try {
    const result: unknown = await ipcRenderer.invoke(CHANNEL_PREFIX + name, input, session);
    return isResult(result) ? result : fail('INTERNAL', 'Malformed reply from the main process.');
  } catch {
    return fail('INTERNAL', 'The main process did not answer.');
  }
}

contextBridge.exposeInMainWorld('casedesk', buildClient(withSession(invoke)));
