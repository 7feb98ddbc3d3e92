/**
 * Which store the lender tests run against. The default vitest project runs them on SQLite; the
 * `lender-postgres` project (vitest.config.ts) starts one throwaway PostgreSQL cluster for the run
 * (test/support/pg-global-setup.ts) and gives every test a fresh database of its own in it, so the
 * same tests prove both stores.
 */
import { join } from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import { startLenderServer, type LenderServer, type LenderServerOptions } from '../../lender/app';
import { openPostgresLenderStore } from '../../lender/store/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export function lenderStoreKind(): 'sqlite' | 'postgres' {
  return pgBaseUrl() ? 'postgres' : 'sqlite';
}

function pgBaseUrl(): string | undefined {
  try {
    return inject('pgUrl');
  } catch {
    return undefined;
  }
}

let databases = 0;

/** A new, empty database in the run's cluster; its URL. */
export async function freshPgDatabase(baseUrl: string): Promise<string> {
  const name = `t_${process.pid}_${++databases}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** startLenderServer on the store this project tests; `dir` holds the SQLite file when that is the store. */
export async function startTestLender(dir: string, opts: Omit<LenderServerOptions, 'dbFile' | 'store'> = {}): Promise<LenderServer> {
  const base = pgBaseUrl();
  if (!base) return startLenderServer({ port: 0, ...opts, dbFile: join(dir, 'lender.sqlite') });
  const store = await openPostgresLenderStore({ connectionString: await freshPgDatabase(base), max: 5 });
  return startLenderServer({ port: 0, ...opts, dbFile: '', store });
}
