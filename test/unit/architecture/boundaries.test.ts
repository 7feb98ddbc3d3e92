/**
 * The layer rules hold for what an import RESOLVES to, whatever its spelling: each probe below is
 * linted as if it were a file in the named layer, and each forbidden import must be reported by
 * `boundaries/dependencies`. The allowed probes are the control: the same linter passes them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface Probe {
  name: string;
  file: string; // where the probe pretends to live
  source: string;
}

const refused: Probe[] = [
  { name: 'backend → host', file: 'main/backend/probe.ts', source: "import { startHost } from '../host/server';\nexport const x = startHost;\n" },
  { name: 'backend → host (spelled through a detour)', file: 'main/backend/services/probe.ts', source: "import { startHost } from '../../backend/../host/server';\nexport const x = startHost;\n" },
  { name: 'backend → cli', file: 'main/backend/probe.ts', source: "import { main } from '../../main/cli/entry';\nexport const x = main;\n" },
  { name: 'backend → electron', file: 'main/backend/probe.ts', source: "import { startElectron } from '../electron/start';\nexport const x = startElectron;\n" },
  { name: 'electron → renderer', file: 'main/electron/probe.ts', source: "import { App } from '../../renderer/app/App';\nexport const x = App;\n" },
  { name: 'db → backend', file: 'db/repos/probe.ts', source: "import { appendAudit } from '../../main/backend/audit/audit';\nexport const x = appendAudit;\n" },
  { name: 'common → db', file: 'common/domain/probe.ts', source: "import { openDatabase } from '../../db/open';\nexport const x = openDatabase;\n" },
  { name: 'renderer → backend', file: 'renderer/app/probe.ts', source: "import { ANONYMOUS } from '../../main/backend/context';\nexport const x = ANONYMOUS;\n" },
  { name: 'preload → backend', file: 'preload/probe.ts', source: "import { ANONYMOUS } from '../main/backend/context';\nexport const x = ANONYMOUS;\n" },
  { name: 'lender → workstation backend', file: 'lender/probe.ts', source: "import { recordChange } from '../main/backend/record/recordChange';\nexport const x = recordChange;\n" },
  { name: 'lender → db', file: 'lender/routes/probe.ts', source: "import { chainRepo } from '../../db/repos/chain';\nexport const x = chainRepo;\n" },
  { name: 'scripts → backend', file: 'scripts/probe.mjs', source: "import { ANONYMOUS } from '../main/backend/context.ts';\nexport const x = ANONYMOUS;\n" },
];

const allowed: Probe[] = [
  { name: 'backend → db', file: 'main/backend/probe.ts', source: "import { chainRepo } from '../../db/repos/chain';\nexport const x = chainRepo;\n" },
  { name: 'host → backend', file: 'main/host/probe.ts', source: "import { trace } from '../backend/trace';\nexport const x = trace;\n" },
  { name: 'renderer → common', file: 'renderer/app/probe.ts', source: "import { ERROR_CODES } from '../../common/api/result';\nexport const x = ERROR_CODES;\n" },
  { name: 'lender → common', file: 'lender/probe.ts', source: "import { ERROR_CODES } from '../common/api/result';\nexport const x = ERROR_CODES;\n" },
];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function boundaryErrors(p: Probe): Promise<string[]> {
  const [result] = await eslint.lintText(p.source, { filePath: path.join(root, p.file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('layer boundaries, by resolved path', () => {
  for (const p of refused) {
    it(`refuses ${p.name}`, async () => {
      expect(await boundaryErrors(p)).not.toEqual([]);
    });
  }
  for (const p of allowed) {
    it(`allows ${p.name}`, async () => {
      expect(await boundaryErrors(p)).toEqual([]);
    });
  }
});

describe('packages per layer', () => {
  async function restricted(p: Probe): Promise<string[]> {
    const [result] = await eslint.lintText(p.source, { filePath: path.join(root, p.file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }
  it('refuses Node built-ins in common/ and the renderer', async () => {
    expect(await restricted({ name: '', file: 'common/probe.ts', source: "import fs from 'node:fs';\nexport const x = fs;\n" })).not.toEqual([]);
    expect(await restricted({ name: '', file: 'renderer/app/probe.ts', source: "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n" })).not.toEqual([]);
  });
  it('refuses the electron package outside main/electron and preload', async () => {
    expect(await restricted({ name: '', file: 'main/backend/probe.ts', source: "import { app } from 'electron';\nexport const x = app;\n" })).not.toEqual([]);
  });
  it('does not mistake a relative path through a folder named electron for the package', async () => {
    expect(await restricted({ name: '', file: 'main/launch/probe.ts', source: "import { startApp } from '../electron/start';\nexport const x = startApp;\n" })).toEqual([]);
  });
});
