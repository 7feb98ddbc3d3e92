/**
 * The `casedesk` command: one dispatcher, one module per subcommand. Usage mistakes print one
 * clear line on stderr and exit 2; failures exit 1.
 */
import { audit } from './commands/audit';
import { calendarCommand } from './commands/calendar';
import { dbCommand } from './commands/db';
import { demo } from './commands/demo';
import { exportCommand } from './commands/export';
import { guardrails } from './commands/guardrails';
import { report } from './commands/report';
import { EXIT_FAILURE, EXIT_USAGE, UsageError, type CliCommand, type CliIO } from './io';

const COMMANDS: Record<string, { run: CliCommand; summary: string }> = {
  audit: { run: audit, summary: 'audit verify --db FILE [--passphrase-file F] [--lang zh-CN|en] [--json]  verify the audit log against the last receipted head' },
  calendar: { run: calendarCommand, summary: 'calendar import FILE | status [--data-dir DIR]  install a holiday calendar; show the years covered' },
  db: { run: dbCommand, summary: 'db rekey|recover|encrypt|time-zone --data-dir DIR …  rotate the key, recover, encrypt a plain folder, show or set the time zone' },
  demo: { run: demo, summary: 'demo --db FILE [--cases N] [--plain | --passphrase-file F]  create the demo agency in a new database' },
  guardrails: { run: guardrails, summary: 'guardrails check [--file F] [--lang zh-CN|en]  evaluate one scenario (JSON on stdin)' },
  export: { run: exportCommand, summary: 'export --db FILE --kind activities|ledger|conduct|performance --format csv|xlsx|pdf --from D --to D --out FILE' },
  report: { run: report, summary: 'report export|verify …                export or verify a signed progress report' },
};

export function usage(): string {
  return ['usage: casedesk <command> [flags]', '', ...Object.values(COMMANDS).map((c) => `  ${c.summary}`)].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(`${usage()}\n`);
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr.write(`casedesk: unknown command "${name}"\n${usage()}\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`casedesk ${name}: ${err.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`casedesk ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_FAILURE;
  }
}

/** Entry for the bundled binary. */
export function main(): void {
  runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`casedesk: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = EXIT_FAILURE;
    },
  );
}
