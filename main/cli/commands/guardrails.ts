import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  PolicyError,
  ScenarioError,
  decisionToJson,
  evaluate,
  parseScenario,
  type Lang,
} from '../../../common/domain/guardrails';
import { defaultDataDir } from '../../backend/paths';
import { useCalendarsFrom } from '../../backend/guardrails/calendars';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand } from '../io';

const USAGE =
  'usage: casedesk guardrails check [--file F] [--lang zh-CN|en] [--data-dir DIR]  (scenario JSON on stdin unless --file; holiday calendars imported into DIR are used)';

interface CheckOptions {
  file: string | null;
  lang: Lang;
  dataDir: string | null;
}

function parseArgs(args: readonly string[]): CheckOptions | 'help' {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h') return 'help';
  if (sub === undefined) throw new UsageError(`missing subcommand; ${USAGE}`);
  if (sub !== 'check') throw new UsageError(`unknown subcommand "${sub}"; ${USAGE}`);
  const opts: CheckOptions = { file: null, lang: 'en', dataDir: null };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--help' || arg === '-h') return 'help';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = rest[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value; ${USAGE}`);
      i++;
      return v;
    };
    switch (name) {
      case '--file':
        opts.file = value();
        break;
      case '--data-dir':
        opts.dataDir = value();
        break;
      case '--lang': {
        const v = value();
        if (v !== 'en' && v !== 'zh-CN') throw new UsageError(`--lang must be zh-CN or en, not "${v}"`);
        opts.lang = v;
        break;
      }
      default:
        throw new UsageError(`unknown option "${arg}"; ${USAGE}`);
    }
  }
  return opts;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function readScenarioText(file: string | null, stdin: Readable): Promise<string> {
  if (file === null) return readAll(stdin);
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file}: ${code ?? String(err)}`);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * `casedesk guardrails check`: one scenario JSON in, one decision JSON out. Any verdict exits 0;
 * invalid input exits 2 with one line on stderr.
 */
export const guardrails: CliCommand = async (args, io) => {
  try {
    const opts = parseArgs(args);
    if (opts === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    const text = await readScenarioText(opts.file, io.stdin);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new UsageError(`invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    const { policy, facts, action, now } = parseScenario(json);
    const calendars = useCalendarsFrom(path.resolve(opts.dataDir ?? defaultDataDir()));
    for (const p of calendars.problems) io.stderr.write(`casedesk guardrails: calendar skipped: ${p}\n`);
    const decision = evaluate(policy, facts, action, now);
    io.stdout.write(`${JSON.stringify(decisionToJson(decision, opts.lang))}\n`);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof UsageError || err instanceof ScenarioError || err instanceof PolicyError) {
      const prefix = err instanceof UsageError ? '' : 'invalid scenario: ';
      io.stderr.write(`casedesk guardrails: ${oneLine(prefix + err.message)}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
};
