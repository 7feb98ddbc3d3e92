/**
 * The handler table: one handler per contract method, composed from one file per namespace.
 * `checkHandlerTable` refuses a table with a missing or extra handler at start-up.
 */
import { METHOD_NAMES } from '../../../common/api/contract';
import { appHandlers } from './app';
import { auditHandlers } from './audit';
import { authHandlers, userHandlers } from './auth';
import { caseHandlers } from './cases';
import { complaintHandlers } from './complaints';
import { contactHandlers } from './contacts';
import { letterHandlers } from './letters';
import { overrideHandlers } from './overrides';
import { privacyHandlers } from './privacy';
import { promiseHandlers } from './promises';
import { syncHandlers } from './sync';
import { supervisorHandlers } from './supervisor';
import { exportHandlers } from './exports';
import { callbackHandlers } from './callbacks';
import { inboundHandlers } from './inbound';
import type { HandlerTable } from './types';

export const handlers: HandlerTable = {
  app: appHandlers,
  auth: authHandlers,
  users: userHandlers,
  audit: auditHandlers,
  cases: caseHandlers,
  contacts: contactHandlers,
  promises: promiseHandlers,
  letters: letterHandlers,
  complaints: complaintHandlers,
  overrides: overrideHandlers,
  privacy: privacyHandlers,
  sync: syncHandlers,
  supervisor: supervisorHandlers,
  exports: exportHandlers,
  callbacks: callbackHandlers,
  inbound: inboundHandlers,
};

export function checkHandlerTable(table: Record<string, Record<string, unknown>>): void {
  const declared = new Set<string>(METHOD_NAMES);
  const implemented = new Set<string>();
  for (const [ns, group] of Object.entries(table)) {
    for (const [m, fn] of Object.entries(group)) {
      const name = `${ns}.${m}`;
      if (typeof fn !== 'function') throw new Error(`handler ${name} is not a function`);
      if (!declared.has(name)) throw new Error(`handler ${name} is not declared in common/api`);
      implemented.add(name);
    }
  }
  const missing = [...declared].filter((n) => !implemented.has(n));
  if (missing.length > 0) throw new Error(`no handler for: ${missing.join(', ')}`);
}
