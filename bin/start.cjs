#!/usr/bin/env node
// `npm start`: the launcher is bundled by `npm run build` into dist/launch.cjs.
require('../dist/launch.cjs');
