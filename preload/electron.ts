/**
 * Sandboxed preload (bundled to dist/electron/preload.cjs; sandboxed preloads cannot require npm
 * modules). Exposes `window.casedesk`: the contract's named methods only, no generic invoke.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildClient, fail, isResult, type Result } from '../common/api';

/** Must match main/electron/ipc.ts `channelOf`; a unit test holds the two together. */
const CHANNEL_PREFIX = 'casedesk:';

async function invoke(name: string, input: unknown): Promise<Result<unknown>> {
  try {
    const result: unknown = await ipcRenderer.invoke(CHANNEL_PREFIX + name, input);
    return isResult(result) ? result : fail('INTERNAL', 'Malformed reply from the main process.');
  } catch {
    return fail('INTERNAL', 'The main process did not answer.');
  }
}

contextBridge.exposeInMainWorld('casedesk', buildClient(invoke));
