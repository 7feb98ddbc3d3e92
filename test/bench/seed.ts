/** Seeds the bench database with the demo generator, timed. */
import fs from 'node:fs';
import path from 'node:path';
import { createBackend, databasePath } from '../../main/backend';
import { createDemoAgency } from '../../main/backend/demo/demo';
import type { Clock } from '../../main/backend/clock';
import type { Sizes } from './scale';

export interface SeedResult {
  seconds: number | null;
  cases: number;
  activities: number;
}

export function seedDatabase(dataDir: string, clock: Clock, sizes: Sizes, log: (line: string) => void): SeedResult {
  fs.mkdirSync(dataDir, { recursive: true });
  if (fs.existsSync(databasePath(dataDir))) throw new Error(`${path.join(dataDir, 'casedesk.sqlite')} already exists; the bench seeds a new database`);
  const backend = createBackend({ dataDir, host: 'test', now: clock.now });
  try {
    const t0 = performance.now();
    let lastLog = t0;
    const summary = createDemoAgency(backend.app, {
      cases: sizes.cases,
      activitiesPerCase: sizes.activitiesPerCase,
      progress: (done, total) => {
        const t = performance.now();
        if (t - lastLog > 10_000 || done === total) {
          lastLog = t;
          log(`seed: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} cases (${((t - t0) / 1000).toFixed(0)} s)`);
        }
      },
    });
    return { seconds: (performance.now() - t0) / 1000, cases: summary.cases, activities: summary.activities };
  } finally {
    backend.close();
  }
}

/** A data folder seeded before (--reuse): counts what is there, no seeding time. */
export function describeSeeded(dataDir: string, clock: Clock): SeedResult {
  const backend = createBackend({ dataDir, host: 'test', now: clock.now });
  try {
    const n = (sql: string) => (backend.app.db.prepare(sql).get() as { n: number }).n;
    return { seconds: null, cases: n('SELECT count(*) AS n FROM cases'), activities: n('SELECT count(*) AS n FROM activities') };
  } finally {
    backend.close();
  }
}
