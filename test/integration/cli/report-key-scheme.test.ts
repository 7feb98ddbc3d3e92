/** `casedesk report export` when the workstation key was wrapped another way than this CaseDesk wraps it. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../main/backend';
import { fixedClock } from '../../../main/backend/clock';
import { hookProtector } from '../../../main/backend/crypto/protect';
import { createDemoAgency } from '../../../main/backend/demo/demo';
import { createIdentity } from '../../../main/backend/sync/identity';
import { runCli } from '../../../main/cli/main';
import { CN_DAYTIME, tempDir } from '../../support/backend';
import { cliIo as io } from '../../support/cli';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('casedesk report export, key scheme mismatch', () => {
  it('names both schemes and does not blame the app’s OS keychain', async () => {
    const dataDir = tempDir('casedesk-scheme-');
    dirs.push(dataDir);
    const backend = createBackend({ dataDir, host: 'test', plain: true, now: fixedClock(CN_DAYTIME).now });
    createDemoAgency(backend.app, { cases: 5 });
    // A key wrapped by some other protector (here: the Electron-style hook scheme, "os-keychain").
    createIdentity(backend.app.db, backend.app.workstationId, hookProtector({ wrapKey: (b) => b, unwrapKey: (b) => b }), new Date(CN_DAYTIME));
    backend.close();
    const pf = path.join(dataDir, '..', `${path.basename(dataDir)}-pass`);
    dirs.push(pf);
    fs.writeFileSync(pf, 'a long enough passphrase\n');
    const s = io();
    const code = await runCli(['report', 'export', '--db', path.join(dataDir, 'casedesk.sqlite'), '--placement', 'CN-2026-Q4', '--out', path.join(dataDir, 'r'), '--passphrase-file', pf], s.io);
    expect(code).toBe(1);
    expect(s.err()).toMatch(/protected by "os-keychain", not by "passphrase-scrypt-aes256gcm" as this CaseDesk protects it/);
    expect(s.err()).not.toMatch(/the CaseDesk app's OS keychain|export from the app/);
  });
});
