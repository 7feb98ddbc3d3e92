/** Test helpers: a real SQLite file in a temp dir, a real backend over it, a controllable clock. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../main/backend';
import { fixedClock } from '../../main/backend/clock';
import { createDemoAgency } from '../../main/backend/demo/demo';
import type { Result } from '../../common/api/result';
import type { Db } from '../../db/open';

export function tempDir(prefix = 'casedesk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Wednesday 25 Nov 2026, 11:00 in Shanghai, 06:00 in New York, 03:00 in London. */
export const CN_DAYTIME = '2026-11-25T03:00:00.000Z';

export function demoBackend(opts: { cases?: number; user?: string; now?: string } = {}) {
  const dataDir = tempDir();
  const clock = fixedClock(opts.now ?? CN_DAYTIME);
  const seed = createBackend({ dataDir, host: 'test', now: clock.now, plain: true });
  createDemoAgency(seed.app, { cases: opts.cases ?? 120 });
  seed.close();
  const backend = createBackend({ dataDir, host: 'test', now: clock.now, user: opts.user ?? 'wang.fang', plain: true });
  const as = (user: string) => createBackend({ dataDir, host: 'test', now: clock.now, user, plain: true });
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const r = (await backend.dispatch(name, input)) as Result<T>;
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  return { dataDir, clock, backend, db: backend.app.db, call, as, cleanup: () => { backend.close(); fs.rmSync(dataDir, { recursive: true, force: true }); } };
}

/** A logical fingerprint of the database: every table's row count and a hash of its content. */
export function dbFingerprint(db: Db): Record<string, string> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'case_search_%' ORDER BY name")
    .all() as { name: string }[];
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    // Sorted in JS: some tables are WITHOUT ROWID, and logical content is what matters.
    const rows = (db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[]).map((r) => JSON.stringify(r)).sort();
    out[name] = `${rows.length}:${hash(rows.join('\n'))}`;
  }
  return out;
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}
