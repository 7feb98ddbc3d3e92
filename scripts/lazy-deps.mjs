// An esbuild plugin for scripts/build.mjs.
// Large dependencies the loopback host rarely needs, loaded on first use instead of at start:
// exceljs (XLSX exports, ~2.5 MB with its own dependencies; exports normally run in the worker bundle,
// which keeps it bundled) and date-holidays (US/UK holiday tables, ~2 MB with moment-timezone; only
// built when a US or UK case is checked). Together they were three quarters of dist/launch-app.cjs
// and a quarter of the host's start. The bundle keeps a small stand-in that require()s the
// package from node_modules the first time it is used (constructed, called or a property read);
// both are runtime dependencies in package.json, so they are in node_modules wherever the app runs.
// Only default imports of these packages are used (checked by test/unit/packaging/lazy-deps.test.ts).
export const LAZY_DEPENDENCIES = ['exceljs', 'date-holidays'];

export function lazyDependencies(names = LAZY_DEPENDENCIES) {
  const filter = new RegExp(`^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})$`);
  return {
    name: 'casedesk-lazy-dependencies',
    setup(b) {
      b.onResolve({ filter }, (args) =>
        args.namespace === 'casedesk-lazy' ? { path: args.path, external: true } : { path: args.path, namespace: 'casedesk-lazy' },
      );
      b.onLoad({ filter: /.*/, namespace: 'casedesk-lazy' }, (args) => ({
        loader: 'js',
        resolveDir: process.cwd(),
        contents: `
let real;
function load() {
  if (real === undefined) {
    const m = require(${JSON.stringify(args.path)});
    real = m && m.__esModule && 'default' in m ? m.default : m;
  }
  return real;
}
// A function target, so the stand-in can be constructed and called like the module's default export.
module.exports = new Proxy(function lazyDependency() {}, {
  get(_t, key) { return key === '__esModule' ? undefined : load()[key]; },
  has(_t, key) { return key in load(); },
  construct(_t, args) { return Reflect.construct(load(), args); },
  apply(_t, self, args) { return Reflect.apply(load(), self, args); },
});
`,
      }));
    },
  };
}

