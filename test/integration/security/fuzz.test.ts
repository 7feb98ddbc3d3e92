/**
 * Hostile input at the boundaries: random and oversized values thrown at every API method, at the
 * loopback host and at the CLI. Each gets a clear typed error, nothing throws past the boundary, the
 * process survives, and the database is logically unchanged (same rows, same content hash).
 */
import { PassThrough } from 'node:stream';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../common/api/contract';
import { isResult } from '../../../common/api/result';
import { runCli } from '../../../main/cli/main';
import { dbFingerprint, demoBackend } from '../../support/backend';

let t: ReturnType<typeof demoBackend>;
beforeAll(() => {
  // As the administrator: no role refusals (which are audited, by design) get in the way.
  t = demoBackend({ cases: 15, user: 'admin' });
});
afterAll(() => t.cleanup());

const hostile = fc.oneof(
  fc.anything(),
  fc.string({ maxLength: 50_000 }),
  fc.dictionary(fc.constantFrom('caseId', 'channel', 'text', 'limit', 'offset', 'search', '__proto__', 'constructor', 'filters', 'amountMinor', 'dueDate', 'reason'), fc.anything()),
  fc.record({ caseId: fc.uuid(), text: fc.string({ maxLength: 20_000 }), limit: fc.integer(), search: fc.string() }, { requiredKeys: [] }),
);

describe('every API method under hostile input', () => {
  it('answers with an envelope and leaves the database unchanged', async () => {
    const writes = METHOD_NAMES.filter((n) => !/\.(queue|get|info|placements|status|list|templates|preview|previewPlan|check|reports|dashboard|team|next)$/.test(n));
    const before = dbFingerprint(t.db);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), hostile, async (name, input) => {
        const r = await t.backend.dispatch(name, input);
        expect(isResult(r)).toBe(true);
        // Only a no-op like auth.logout can succeed on random input; the fingerprint below proves nothing was written.
        if (!r.ok) expect(r.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
    expect(dbFingerprint(t.db)).toEqual(before);
  }, 120_000);

  it('never throws on read methods either', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_NAMES), hostile, async (name, input) => {
        const r = await t.backend.dispatch(name, input);
        expect(isResult(r)).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('refuses method names that are not in the contract, including prototype tricks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__.x', 'constructor.prototype', 'cases.__proto__', 'toString', 'cases.queue.extra')), async (name) => {
        fc.pre(!(METHOD_NAMES as readonly string[]).includes(name));
        const r = await t.backend.dispatch(name, {});
        expect(r.ok || r.error.code).toBe('UNKNOWN_METHOD');
      }),
      { numRuns: 200 },
    );
  });
});

describe('the CLI under hostile flags', () => {
  it('exits 1 or 2 with a message, never throws, changes no database and leaves the checkout clean', async () => {
    const before = dbFingerprint(t.db);
    const dbFile = path.join(t.dataDir, 'casedesk.sqlite');
    // Fuzzed flags such as `--db 1e9` name files relative to the working directory: run them in a
    // temporary one, so `npm test` leaves the checkout as it found it.
    const checkout = process.cwd();
    const rootBefore = fs.readdirSync(checkout).sort();
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-fuzz-cwd-'));
    process.chdir(scratch);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('demo', 'guardrails', 'report', 'calendar', 'nonsense'),
          fc.array(fc.oneof(fc.string(), fc.constantFrom('--db', dbFile, '--cases', '--file', '/etc/passwd', '--lang', 'xx', 'check', 'verify', 'import', 'status', '--out', '-1', '1e9', '--placement')), { maxLength: 6 }),
          async (cmd, rest) => {
            const stdin = new PassThrough();
            stdin.end('{not json');
            let err = '';
            const stderr = new PassThrough();
            stderr.on('data', (c: Buffer) => (err += c.toString()));
            const code = await runCli([cmd, ...rest], { stdin, stdout: new PassThrough(), stderr });
            if (code !== 0) expect(err.length).toBeGreaterThan(0);
            expect([0, 1, 2]).toContain(code);
          },
        ),
        { numRuns: 120 },
      );
    } finally {
      process.chdir(checkout);
      fs.rmSync(scratch, { recursive: true, force: true });
    }
    expect(dbFingerprint(t.db)).toEqual(before);
    expect(fs.readdirSync(checkout).sort()).toEqual(rootBefore);
  }, 120_000);
});
