/**
 * bootBackend on a real SQLite file: the backend answers at once; sync's background loop (whose
 * first round reads the outbox, slow on a large database) starts only after the delay, and a stop
 * before then means it never starts.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootBackend } from '../../../main/backend/boot';
import { syncServiceOf } from '../../../main/backend/sync/service';
import { tempDir } from '../../support/backend';

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
