import { fail, isResult, type Result } from '../../common/api';
import type { Backend } from '../backend/types';
import { isAccessMessage, isCallMessage, isShutdownMessage, type AccessMessage, type ReplyMessage } from './backend-protocol';

/** The part of Electron's `process.parentPort` we use; a fake in tests. */
export interface PortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: ReplyMessage): void;
}

/** A stand-in that explains, on every call, why the real backend could not start. */
export function unavailableBackend(reason: string): Backend {
  return {
    dispatch: async () => fail('INTERNAL', `The CaseDesk backend could not start: ${reason}`),
    close: () => undefined,
  };
}

async function answer(backend: Backend, name: string, input: unknown, session: string | undefined): Promise<Result<unknown>> {
  try {
    const result = await backend.dispatch(name, input, { token: session });
    return isResult(result) ? result : fail('INTERNAL', 'The backend returned a malformed result.');
  } catch (err) {
    return fail('INTERNAL', err instanceof Error ? err.message : 'The backend failed.');
  }
}

/** Answers `{id, name, input}` with `{id, result}`; ignores anything else. */
export function serveBackend(port: PortLike, backend: Backend, onShutdown: () => void): void {
  port.on('message', ({ data }) => {
    if (isShutdownMessage(data)) {
      onShutdown();
      return;
    }
    if (!isCallMessage(data)) return;
    void answer(backend, data.name, data.input, typeof data.session === 'string' ? data.session : undefined).then((result) => port.postMessage({ id: data.id, result }));
  });
}

/**
 * The backend process's start: the first AccessMessage (how to open the database) is turned into
 * the backend by `open`; every call goes to it. The main process sends the access before any call
 * on the same ordered channel, so a call that finds none is told so rather than left waiting. Only
 * the first access counts; an `open` that throws becomes the reason every call is given.
 */
export function serveAfterAccess(port: PortLike, open: (access: AccessMessage) => Backend, onShutdown: (backend: Backend | null) => void): void {
  let backend: Backend | null = null;
  port.on('message', ({ data }) => {
    if (backend || !isAccessMessage(data)) return;
    try {
      backend = open(data);
    } catch (err) {
      // Answer every call with the reason instead of crash-looping (e.g. a database newer than the app).
      backend = unavailableBackend(err instanceof Error ? err.message : String(err));
    }
  });
  const noAccess = unavailableBackend('the main process sent no database key before the first call');
  serveBackend(
    port,
    { dispatch: (name, input, session) => (backend ?? noAccess).dispatch(name, input, session), close: () => backend?.close() },
    () => onShutdown(backend),
  );
}
