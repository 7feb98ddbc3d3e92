/**
 * The recovery code goes only to a person's terminal (issue 16, item 6): a first start without one
 * (stdout a pipe, as when redirected into a log) writes no recovery code to stdout or stderr, only
 * a notice of how to get one; the same for `casedesk demo` and `casedesk db rekey`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../main/backend';
import { createKeystore, keystoreFile } from '../../../main/backend/keys';
import { dbCommand } from '../../../main/cli/commands/db';
import { runCli } from '../../../main/cli/main';
import { tempDir } from '../../support/backend';
import { cliIo } from '../../support/cli';
import { startHostProcess } from '../host/support/host-process';

const CODE = /([0-9A-Z]{5}-){7}[0-9A-Z]{5}/;
const NOTICE = /recovery code was made .* not shown: this output is not an interactive terminal.*casedesk db rekey --data-dir/;
const dirs: string[] = [];
const fresh = () => {
  const d = tempDir('casedesk-recovery-out-');
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function passFile(text: string): string {
  const f = path.join(fresh(), 'pass');
  fs.writeFileSync(f, `${text}\n`, { mode: 0o600 });
  return f;
}

describe('a non-interactive first start', () => {
  it('with CASEDESK_PASSPHRASE_FILE writes no recovery code to stdout or stderr', async () => {
    const dataDir = path.join(fresh(), 'data');
    const host = await startHostProcess({ dataDir, flags: ['--no-open'], env: { CASEDESK_PASSPHRASE_FILE: passFile('first start passphrase') } });
    try {
      const keystore = JSON.parse(fs.readFileSync(keystoreFile(dataDir), 'utf8')) as { slots: Record<string, unknown> };
      expect(keystore.slots.recovery, 'a recovery slot exists').toBeDefined();
      expect(host.stdout()).not.toMatch(CODE);
      expect(host.stderr()).not.toMatch(CODE);
      expect(host.stderr()).toMatch(NOTICE);
    } finally {
      await host.stop();
    }
  }, 90_000);
});

describe('the CLI', () => {
  it('casedesk demo --passphrase-file into a pipe shows no code, only the notice', async () => {
    const s = cliIo();
    const file = path.join(fresh(), 'casedesk.sqlite');
    expect(await runCli(['demo', '--db', file, '--cases', '3', '--passphrase-file', passFile('demo passphrase 2')], s.io)).toBe(0);
    expect(s.out() + s.err()).not.toMatch(CODE);
    expect(s.err()).toMatch(NOTICE);
  }, 60_000);

  it('casedesk db rekey into a pipe rotates the key but shows no code, only the notice', async () => {
    const dataDir = fresh();
    const { key } = await createKeystore(dataDir, { passphrase: 'rekey passphrase', kdf: { N: 2 ** 10 } });
    createBackend({ dataDir, host: 'test', dbKey: key }).close();
    const s = cliIo();
    expect(await dbCommand(['rekey', '--data-dir', dataDir, '--passphrase-file', passFile('rekey passphrase')], s.io)).toBe(0);
    expect(s.out()).toMatch(/rotated \(generation 2\)/);
    expect(s.out() + s.err()).not.toMatch(CODE);
    expect(s.err()).toMatch(NOTICE);
  }, 60_000);
});
