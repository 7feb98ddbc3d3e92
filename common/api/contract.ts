/**
 * The whole API, one declaration. Namespaces map to `window.casedesk.<ns>.<method>` and to the
 * channel / route name `<ns>.<method>`.
 */
import { app } from './methods/app';
import { auth, users } from './methods/auth';
import { audit } from './methods/audit';
import { cases } from './methods/cases';
import { contacts } from './methods/contacts';
import { complaints } from './methods/complaints';
import { letters } from './methods/letters';
import { overrides } from './methods/overrides';
import { privacy } from './methods/privacy';
import { promises } from './methods/promises';
import { sync } from './methods/sync';
import { supervisor } from './methods/supervisor';
import { exportJobs } from './methods/exports';
import { callbacks } from './methods/callbacks';
import { inbound } from './methods/inbound';
import type { InputOf, MethodSpec, OutputOf } from './method';
import type { Result } from './result';

export const contract = { app, auth, users, audit, cases, contacts, promises, letters, complaints, overrides, privacy, sync, supervisor, exports: exportJobs, callbacks, inbound } as const;

export type Contract = typeof contract;
export type Namespace = keyof Contract;
export type MethodName = { [N in Namespace]: `${N}.${Extract<keyof Contract[N], string>}` }[Namespace];

/** Every method name, e.g. `cases.queue` — the only channels the bridges expose. */
export const METHOD_NAMES: readonly MethodName[] = Object.entries(contract).flatMap(([ns, methods]) =>
  Object.keys(methods).map((m) => `${ns}.${m}` as MethodName),
);

export function specOf(name: string): MethodSpec | undefined {
  const [ns, m, ...rest] = name.split('.');
  if (!ns || !m || rest.length > 0 || !Object.hasOwn(contract, ns)) return undefined;
  const group = contract[ns as Namespace] as Record<string, MethodSpec>;
  return Object.hasOwn(group, m) ? group[m] : undefined;
}

/** The object the renderer sees as `window.casedesk`: every method returns the result envelope. */
export type CaseDeskApi = {
  [N in Namespace]: {
    [M in keyof Contract[N]]: (input: InputOf<Contract[N][M]>) => Promise<Result<OutputOf<Contract[N][M]>>>;
  };
};

/** Builds a CaseDeskApi over any transport (IPC in Electron, fetch in the web host, direct in tests). */
export function buildClient(call: (name: MethodName, input: unknown) => Promise<Result<unknown>>): CaseDeskApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of METHOD_NAMES) {
    const [ns, m] = name.split('.') as [string, string];
    (api[ns] ??= {})[m] = (input: unknown) => call(name, input ?? {});
  }
  return api as unknown as CaseDeskApi;
}
