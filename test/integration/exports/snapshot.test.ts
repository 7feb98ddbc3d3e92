/**
 * sharedSnapshot (main/backend/exports/split/snapshot.ts) on a real WAL database with a real
 * writer: two read-only connections end up reading the same snapshot, also when a write commits
 * while the other begins (it begins again), and give up, outside any transaction, when writes keep
 * committing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/open';
import { sharedSnapshot } from '../../../main/backend/exports/split/snapshot';
import { tempDir } from '../../support/backend';

let dir: string;
let writer: Db;
let ours: Db;
let theirs: Db;

beforeEach(() => {
  dir = tempDir();
  const file = path.join(dir, 'casedesk.sqlite');
  writer = openDatabase(file);
  writer.exec('CREATE TABLE IF NOT EXISTS snap_probe (n INTEGER)');
  writer.prepare('INSERT INTO snap_probe (n) VALUES (1)').run();
  ours = openDatabase(file, { readonly: true });
  theirs = openDatabase(file, { readonly: true });
});
afterEach(() => {
  for (const db of [ours, theirs, writer]) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = (db: Db) => (db.prepare('SELECT count(*) AS n FROM snap_probe').get() as { n: number }).n;
const write = () => writer.prepare('INSERT INTO snap_probe (n) VALUES (1)').run();

/** The other reader: begins a read transaction, after `before()` (a write, in some tests). */
function other(before: (attempt: number) => void = () => undefined) {
  let attempts = 0;
  return {
    async begin() {
      before(++attempts);
      if (theirs.inTransaction) theirs.exec('COMMIT');
      theirs.exec('BEGIN');
      theirs.pragma('data_version');
      await Promise.resolve();
    },
  };
}

describe('sharedSnapshot', () => {
  it('needs one attempt when nothing commits, and both read the same rows while the writer goes on', async () => {
    expect(await sharedSnapshot(ours, other())).toBe(1);
    write();
    expect(count(ours)).toBe(1);
    expect(count(theirs)).toBe(1);
    expect(count(writer)).toBe(2);
  });

  it('begins again when a write commits while the other reader begins', async () => {
    // The write lands after our first reading of data_version, before the other reader begins: our
    // second reading differs, so both begin again (and then both hold the write).
    const attempts = await sharedSnapshot(
      ours,
      other((n) => n === 1 && write()),
    );
    expect(attempts).toBe(2);
    expect(count(ours)).toBe(2);
    expect(count(theirs)).toBe(2);
  });

  it('also when the write lands after the other reader began', async () => {
    const reader = other();
    const attempts = await sharedSnapshot(ours, {
      async begin() {
        await reader.begin();
        if (count(writer) === 1) write(); // their snapshot: 1 row; ours would see 2
      },
    });
    expect(attempts).toBe(2);
    expect(count(ours)).toBe(count(theirs));
  });

  it('gives up outside any transaction when writes keep committing', async () => {
    expect(await sharedSnapshot(ours, other(() => write()), 5)).toBeNull();
    expect(ours.inTransaction).toBe(false);
  });
});
