/**
 * The session layer of a bridge (Electron preload or web bridge): keeps the session token the
 * backend issues at sign-in and sends it with every call, so the renderer never handles it.
 */
import type { MethodName } from './contract';
import type { Result } from './result';

export type RawCall = (name: MethodName, input: unknown, session: string | null) => Promise<Result<unknown>>;

export interface TokenStore {
  get(): string | null;
  set(token: string | null): void;
}

export function memoryTokenStore(): TokenStore {
  let token: string | null = null;
  return { get: () => token, set: (t) => (token = t) };
}

export function withSession(raw: RawCall, store: TokenStore = memoryTokenStore()) {
  return async (name: MethodName, input: unknown): Promise<Result<unknown>> => {
    const result = await raw(name, input, store.get());
    if ((name === 'auth.login' || name === 'auth.setupAdmin') && result.ok) {
      const { token, ...rest } = result.value as { token?: string };
      if (typeof token === 'string') store.set(token);
      return { ok: true, value: rest };
    }
    if (name === 'auth.logout' || (!result.ok && result.error.code === 'UNAUTHENTICATED' && name !== 'auth.login')) {
      store.set(null);
    }
    return result;
  };
}
