/**
 * bootBackend on a real SQLite file: the backend answers at once; sync's background loop (whose
 * first round reads the outbox, slow on a large database) and the retention purge (many writes on a
 * mature database) start only after their delays, and a stop before then means they never start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootBackend } from '../../../main/backend/boot';
import { createBackend } from '../../../main/backend';
import { syncServiceOf } from '../../../main/backend/sync/service';
import { demoBackend, tempDir } from '../../support/backend';

const distDir = path.resolve(__dirname, '..', '..', '..', 'dist');
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

function boot(syncStartDelayMs: number, lines: string[] = []) {
  const booted = bootBackend({ dataDir: tempDir('casedesk-boot-'), host: 'web', access: { plain: true }, distDir, log: (l) => lines.push(l), syncStartDelayMs });
  stops.push(() => booted.stop());
  return booted;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('bootBackend', () => {
  it('serves at once and starts the sync loop after the delay', async () => {
    const booted = boot(300);
    // The sync service is there from the start: its status can be asked for before the loop runs.
    const sync = syncServiceOf(booted.backend.app);
    const before = sync.status();
    expect(before.enrolled).toBe(false);
    expect(before.nextAttemptAt).toBeNull();
    const status = await booted.backend.dispatch('auth.status', {}, undefined);
    expect(status.ok).toBe(true);
    await sleep(100);
    expect(sync.status().nextAttemptAt, 'not started before the delay').toBeNull();
    // Once started, the loop has run a round and scheduled the next one.
    await expect.poll(() => sync.status().nextAttemptAt, { timeout: 5_000 }).not.toBeNull();
  });

  it('with no delay starts the loop at once', async () => {
    const booted = boot(0);
    await expect.poll(() => syncServiceOf(booted.backend.app).status().nextAttemptAt, { timeout: 5_000 }).not.toBeNull();
  });

  it('stopped before the delay, never starts the loop', async () => {
    const booted = boot(150);
    stops.pop();
    await booted.stop();
    // Had the start fired after the stop, its round would read a closed database and fail the run.
    await sleep(300);
    expect(booted.backend.app.db.open).toBe(false);
  });
});

/** A demo database with one closed case whose retention period is over by `later`. */
function expiredCaseDir(): { dataDir: string; caseId: string; borrowerId: string; later: Date } {
  const t = demoBackend({ cases: 12, user: 'admin' });
  const row = t.db.prepare("SELECT c.id, c.borrower_id FROM cases c JOIN placements p ON p.id = c.placement_id WHERE p.preset = 'cn' ORDER BY c.reference LIMIT 1").get() as { id: string; borrower_id: string };
  t.db.prepare("UPDATE cases SET status = 'closed', outcome = 'paid_in_full', outcome_reason = 'settled' WHERE id = ?").run(row.id);
  t.backend.close();
  stops.push(async () => fs.rmSync(t.dataDir, { recursive: true, force: true }));
  return { dataDir: t.dataDir, caseId: row.id, borrowerId: row.borrower_id, later: new Date(t.clock.now().getTime() + 3 * 366 * 86_400_000) };
}

function bootExpired(purgeStartDelayMs: number, lines: string[]) {
  const seeded = expiredCaseDir();
  const booted = bootBackend({
    dataDir: seeded.dataDir, host: 'web', access: { plain: true }, distDir, log: (l) => lines.push(l),
    now: () => seeded.later, syncStartDelayMs: 60_000, purgeStartDelayMs,
  });
  stops.push(() => booted.stop());
  const purgedAt = () => (booted.backend.app.db.prepare('SELECT purged_at FROM borrowers WHERE id = ?').get(seeded.borrowerId) as { purged_at: string | null }).purged_at;
  return { booted, seeded, purgedAt };
}

describe('bootBackend: the retention purge', () => {
  it('does not run while booting; runs after the delay, logged and audited', async () => {
    const lines: string[] = [];
    const { booted, seeded, purgedAt } = bootExpired(300, lines);
    // bootBackend has returned and the host would listen now: nothing purged yet.
    expect(purgedAt(), 'not purged during boot').toBeNull();
    expect((await booted.backend.dispatch('auth.status', {}, undefined)).ok).toBe(true);
    await sleep(100);
    expect(purgedAt(), 'not purged before the delay').toBeNull();
    await expect.poll(purgedAt, { timeout: 5_000 }).not.toBeNull();
    await expect.poll(() => lines.some((l) => /purged personal data of 1 case\(s\)/.test(l))).toBe(true);
    expect(booted.backend.app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'privacy.purge' AND object_id = ?").get(seeded.caseId)).toEqual({ n: 1 });
  });

  it('with no delay still waits for boot to return', async () => {
    const { purgedAt } = bootExpired(0, []);
    expect(purgedAt()).toBeNull();
    await expect.poll(purgedAt, { timeout: 5_000 }).not.toBeNull();
  });

  it('stopped before the delay, never purges', async () => {
    const { booted, seeded } = bootExpired(150, []);
    stops.pop();
    await booted.stop();
    await sleep(300);
    expect(booted.backend.app.db.open).toBe(false);
    const reopened = createBackend({ dataDir: seeded.dataDir, host: 'test', plain: true });
    try {
      expect(reopened.app.db.prepare('SELECT purged_at FROM borrowers WHERE id = ?').get(seeded.borrowerId)).toEqual({ purged_at: null });
    } finally {
      reopened.close();
    }
  });
});
