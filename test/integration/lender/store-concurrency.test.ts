/**
 * The store under concurrent transactions (run on SQLite and, in the lender-postgres project, on
 * PostgreSQL, where transactions really do run side by side):
 * - transactions naming the same lock key serialise: N read-modify-write increments give N;
 * - appends to the Merkle log from transactions with different keys never collide: the log's
 *   indexes are exactly 0..N-1, each report once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LenderServer } from '../../../lender/app';
import { startTestLender } from '../../support/lender-store';
import { tempDir } from '../sync/fixtures';

let tmp: ReturnType<typeof tempDir>;
let lender: LenderServer;

beforeEach(async () => {
  tmp = tempDir();
  lender = await startTestLender(tmp.dir);
});

afterEach(async () => {
  await lender.close();
  tmp.cleanup();
});

describe('lender store concurrency', () => {
  it('serialises transactions that name the same key (no lost update)', async () => {
    const store = lender.store;
    await store.setMeta('counter', '0');
    const n = 40;
    await Promise.all(
      Array.from({ length: n }, () =>
        store.transaction(
          async (tx) => {
            const v = Number(await tx.getMeta('counter'));
            await new Promise((r) => setTimeout(r, 1));
            await tx.setMeta('counter', String(v + 1));
          },
          { lockKeys: ['ws-1'] },
        ),
      ),
    );
    expect(await store.getMeta('counter')).toBe(String(n));
  });

  it('appends leaves from transactions of different workstations without a gap or a collision', async () => {
    const store = lender.store;
    const before = await store.leafCount();
    const n = 60;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        store.transaction(
          async (tx) => {
            const index = await tx.leafCount();
            await new Promise((r) => setTimeout(r, 1));
            await tx.appendLeaf(index, new Uint8Array(32).fill(i % 256), `report-${i}`);
          },
          { lockKeys: [`ws-${i}`] },
        ),
      ),
    );
    expect(await store.leafCount()).toBe(before + n);
    const leaves = await store.leafHashes(before + n);
    expect(leaves).toHaveLength(before + n);
  });
});
