/**
 * `npm run lender -- [--port N] [--db FILE | --database-url postgres://…] [--host 127.0.0.1] [--issue-code] [--assign FILE.json]`
 * Starts the reference lender: on one SQLite file (the default), or on PostgreSQL with --database-url. --issue-code prints a fresh enrollment code; --assign publishes an
 * assignment draft (JSON: {to, placement, cases}) to the feed.
 * Test fault: --crash-after-commit N kills the process right after committing the N-th report.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startLenderServer } from './app';
import { openPostgresLenderStore } from './store/postgres';
import type { AssignmentDraft } from './publish';

const Flags = z.strictObject({
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  db: z.string().min(1).default('lender.sqlite'),
  'database-url': z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL').optional(),
  host: z.enum(['127.0.0.1', '::1', 'localhost']).default('127.0.0.1'),
  'issue-code': z.boolean().default(false),
  assign: z.string().optional(),
  'crash-after-commit': z.coerce.number().int().min(1).optional(),
});

/** Last line of defence: every request has its own catch; anything that escapes is logged by kind and the server keeps serving. */
function installProcessGuards(): void {
  const kind = (err: unknown) => (err instanceof Error ? err.name : typeof err);
  process.on('uncaughtException', (err) => console.error(`lender: uncaught exception (${kind(err)}); still running`));
  process.on('unhandledRejection', (err) => console.error(`lender: unhandled rejection (${kind(err)}); still running`));
}

async function main(): Promise<void> {
  installProcessGuards();
  let values: unknown;
  try {
    values = parseArgs({
      options: {
        port: { type: 'string' },
        db: { type: 'string' },
        'database-url': { type: 'string' },
        host: { type: 'string' },
        'issue-code': { type: 'boolean' },
        assign: { type: 'string' },
        'crash-after-commit': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (err) {
    console.error(`lender: ${(err as Error).message}`);
    process.exit(2);
  }
  const flags = Flags.safeParse(values);
  if (!flags.success) {
    console.error(`lender: ${flags.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
    process.exit(2);
  }
  const f = flags.data;
  const store = f['database-url'] ? await openPostgresLenderStore({ connectionString: f['database-url'] }) : undefined;
  const server = await startLenderServer({
    store,
    port: f.port,
    host: f.host,
    dbFile: f.db,
    faults: f['crash-after-commit'] === undefined ? {} : { crashAfterCommit: f['crash-after-commit'] },
  });
  console.log(`lender ${server.lender.name} (${server.lender.id}) listening on ${server.url}`);
  if (f['issue-code']) console.log(`enrollment code: ${await server.issueEnrollmentCode()}`);
  if (f.assign) {
    const draft = JSON.parse(readFileSync(f.assign, 'utf8')) as AssignmentDraft;
    const p = await server.publishAssignment(draft);
    console.log(`published assignment ${p.id} at feed cursor ${p.cursor}`);
  }
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
