/** Electron entry (bundled to dist/electron/main.cjs). All behaviour lives in start.ts and below. */
import { startApp } from './start';

startApp({ distDir: __dirname, argv: process.argv, env: process.env, resourcesPath: process.resourcesPath });
