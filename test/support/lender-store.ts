/**
 * Which store the lender tests run against. The default vitest project runs them on SQLite; the
 * `lender-postgres` project (vitest.config.ts) starts one throwaway PostgreSQL cluster for the run
 * (test/support/pg-global-setup.ts) and gives every test a fresh database of its own in it, so the
 * same tests prove both stores.
 */
import { join } from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import Database from 'better-sqlite3';
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

/** The PostgreSQL database of each test lender started here, by the folder it was given. */
const pgDatabases = new Map<string, string>();

/** startLenderServer on the store this project tests; `dir` holds the SQLite file when that is the store. */
export async function startTestLender(dir: string, opts: Omit<LenderServerOptions, 'dbFile' | 'store'> = {}): Promise<LenderServer> {
  const base = pgBaseUrl();
  if (!base) return startLenderServer({ port: 0, ...opts, dbFile: join(dir, 'lender.sqlite') });
  const url = await freshPgDatabase(base);
  pgDatabases.set(dir, url);
  const store = await openPostgresLenderStore({ connectionString: url, max: 5 });
  return startLenderServer({ port: 0, ...opts, dbFile: '', store });
}

/** A dishonest lender's edit, behind its own back: one SQL statement run on the test lender's database in `dir`. */
export async function lenderRawSql(dir: string, sql: { sqlite: string; postgres: string }, params: unknown[]): Promise<void> {
  const url = pgDatabases.get(dir);
  if (!url) {
    const raw = new Database(join(dir, 'lender.sqlite'));
    try {
      raw.prepare(sql.sqlite).run(...params);
    } finally {
      raw.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql.postgres, params);
  } finally {
    await client.end();
  }
}
