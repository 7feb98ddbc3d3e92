/**
 * `npm start`: Electron where its binary exists; otherwise one clear line, then the loopback host
 * (which opens the system Chromium in app mode, or prints the URL).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { electronBinaryStatus } from '../electron/detect';
import { runHost } from '../host/main';
import { UsageError } from '../cli/io';
import { trace } from '../backend/trace';

trace('launch bundle evaluated');

async function launch(argv: readonly string[]): Promise<void> {
  const forceHost = argv.includes('--host') || process.env.CASEDESK_HOST === '1';
  const rest = argv.filter((a) => a !== '--host');
  const projectRoot = path.resolve(__dirname, '..');
  const electron = forceHost ? { available: false, reason: 'the loopback host was asked for (--host)' } : electronBinaryStatus(projectRoot);
  if (electron.available && electron.path) {
    // Given the project folder (not a file), Electron names the app and its userData folder after package.json.
    const child = spawn(electron.path, [projectRoot, ...rest], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  process.stderr.write(`Electron is not available (${electron.reason ?? 'unknown reason'}); starting the loopback host instead.\n`);
  await runHost(rest, path.join(projectRoot, 'dist'));
}

launch(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`casedesk: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
