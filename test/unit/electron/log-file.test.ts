import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOG_KEEP, LOG_MAX_BYTES, openLogFile } from '../../../main/electron/log-file';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'casedesk-log-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('the shell log file', () => {
  it('writes one timestamped line per call, owner-only, in an owner-only folder', () => {
    const log = openLogFile(tmp, () => new Date('2026-12-03T10:00:00Z'));
    log.write('backend exited with code 1');
    log.write('two\nlines');
    expect(readFileSync(log.file, 'utf8')).toBe('2026-12-03T10:00:00.000Z backend exited with code 1\n2026-12-03T10:00:00.000Z two lines\n');
    expect(statSync(log.file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(log.file)).mode & 0o777).toBe(0o700);
  });

  it('rotates at the size limit and keeps a bounded number of old files', () => {
    const log = openLogFile(tmp);
    const line = 'x'.repeat(64 * 1024);
    for (let i = 0; i < (LOG_MAX_BYTES / line.length) * (LOG_KEEP + 2); i++) log.write(line);
    const files = readdirSync(path.dirname(log.file)).sort();
    expect(files).toEqual(['casedesk.1.log', 'casedesk.2.log', 'casedesk.3.log', 'casedesk.log']);
    for (const f of files) expect(statSync(path.join(path.dirname(log.file), f)).size).toBeLessThanOrEqual(LOG_MAX_BYTES + line.length + 64);
  });
});
