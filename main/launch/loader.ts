/**
 * `npm start` and the loopback host's entry (dist/launch.cjs): a small loader that runs the
 * launcher bundle (dist/launch-app.cjs, see main/launch/app.ts) with a V8 code cache, so repeated starts
 * do not compile the whole bundle again. A missing or stale cache is (re)written when the process
 * exits, so it also holds the functions compiled while the host was running.
 */
import path from 'node:path';
import { requireWithCodeCache } from '../host/code-cache';

const app = path.join(__dirname, 'launch-app.cjs');
const loaded = requireWithCodeCache(app, `${app}.v8cache`);
if (loaded.cache === 'miss' || loaded.cache === 'rejected') process.once('exit', loaded.save);
