#!/usr/bin/env node
// The `casedesk` command. The CLI is bundled by `npm run build` (esbuild) into dist/cli.cjs.
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('casedesk: not built yet — run `npm run build` first\n');
  process.exit(1);
}
require(bundle).main();
