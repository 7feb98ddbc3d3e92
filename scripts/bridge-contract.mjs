// An esbuild plugin for scripts/build.mjs: the loopback host's bridge (preload/web.ts) needs only
// the method names from common/api/contract.ts, not the zod schemas that come with it (~790 KB of
// the bridge's ~820 KB). The bridge is a classic script that runs before the app in every page
// load, so its size is start-up time. The plugin hands the bridge a stand-in for the contract
// module with the same METHOD_NAMES (computed from the real contract at build time) and the same
// buildClient; test/unit/packaging/bridge-contract.test.ts checks the built bridge exposes exactly
// the contract's methods.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The contract's METHOD_NAMES, by bundling and running common/api/contract.ts. */
export async function contractMethodNames(root) {
  const r = await build({
    entryPoints: [path.join(root, 'common', 'api', 'contract.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    outfile: path.join(root, 'contract.cjs'),
    logLevel: 'error',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', r.outputFiles[0].text)(mod, mod.exports, createRequire(path.join(root, 'package.json')));
  const names = mod.exports.METHOD_NAMES;
  if (!Array.isArray(names) || names.length === 0) throw new Error('build: could not read METHOD_NAMES from common/api/contract.ts');
  return names;
}

export function bridgeContract(root) {
  const contractFile = path.join(root, 'common', 'api', 'contract.ts');
  return {
    name: 'casedesk-bridge-contract',
    setup(b) {
      b.onResolve({ filter: /(^|\/)contract$/ }, (args) => {
        const resolved = path.resolve(args.resolveDir, `${args.path}.ts`);
        return resolved === contractFile ? { path: contractFile, namespace: 'casedesk-contract-names' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'casedesk-contract-names' }, async () => ({
        loader: 'js',
        contents: `
export const METHOD_NAMES = ${JSON.stringify(await contractMethodNames(root))};
// As common/api/contract.ts's buildClient.
export function buildClient(call) {
  const api = {};
  for (const name of METHOD_NAMES) {
    const [ns, m] = name.split('.');
    (api[ns] ??= {})[m] = (input) => call(name, input ?? {});
  }
  return api;
}
`,
      }));
    },
  };
}
