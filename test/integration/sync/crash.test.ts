/** The crash test at 20 kills (`npm run stress` runs 1000): see test/stress/crash.ts. */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../../stress/crash';
import { bundle } from './processes';

describe('workstation killed with SIGKILL during logging and sync', () => {
  it('20 random kills: integrity ok, no committed record lost, none duplicated, everything reaches the lender once', async () => {
    const workerFile = await bundle('test/stress/stress.ts', 'stress');
    const result = await runCrashTest({ kills: 20, workerFile, maxRunMs: 250 }).finally(() => rmSync(workerFile, { force: true }));
    expect(result.kills).toBe(20);
    expect(result.committed).toBeGreaterThan(20);
    expect(result.paymentsImported).toBe(20);
    expect(result.reportsAccepted).toBeGreaterThan(1);
  }, 120_000);
});
