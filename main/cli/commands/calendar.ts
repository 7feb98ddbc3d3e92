/**
 * `casedesk calendar import FILE` validates a holiday calendar file (one calendar or a list; format
 * casedesk-calendar@1) and installs it into the data folder (0600), where the app and `guardrails check`
 * read it over the bundled calendars. `casedesk calendar status` prints the years each jurisdiction
 * covers and says MISSING when this year or the next is not covered (exit 1 then, so a scheduled check sees it).
 */
import path from 'node:path';
import { CalendarError, calendarHorizon, yearsText } from '../../../common/domain/guardrails';
import { defaultDataDir } from '../../backend/paths';
import { installCalendars, readCalendarFile, useCalendarsFrom } from '../../backend/guardrails/calendars';
import { parseFlags } from '../args';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliCommand } from '../io';

const USAGE = [
  'usage: casedesk calendar import FILE [--data-dir DIR]',
  '       casedesk calendar status [--data-dir DIR] [--now ISO]',
].join('\n');

export const calendarCommand: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h') {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (sub !== 'import' && sub !== 'status') throw new UsageError(`${sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub}"`}\n${USAGE}`);
  const { values, positionals } = parseFlags(rest, { 'data-dir': { type: 'string' }, now: { type: 'string' } }, USAGE, sub === 'import');
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  if (sub === 'import') {
    if (values.now !== undefined) throw new UsageError(`--now does not apply to casedesk calendar import\n${USAGE}`);
    if (positionals.length !== 1) throw new UsageError(`give exactly one calendar file\n${USAGE}`);
    const file = path.resolve(positionals[0] as string);
    let calendars;
    try {
      calendars = readCalendarFile(file);
    } catch (err) {
      if (err instanceof CalendarError) throw new UsageError(`invalid calendar ${file}: ${err.message}`);
      const code = (err as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file}: ${code ?? String(err)}`);
    }
    const written = installCalendars(dataDir, calendars);
    calendars.forEach((c, i) => {
      const h = Object.keys(c.holidays).length;
      const w = Object.keys(c.workdays).length;
      io.stdout.write(`installed ${c.jurisdiction} ${c.year} (${h} holidays, ${w} adjusted working days) → ${written[i]}\n`);
    });
    return EXIT_OK;
  }
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be an ISO date, got "${values.now}"`);
  const { set, problems } = useCalendarsFrom(dataDir);
  for (const p of problems) io.stderr.write(`calendar skipped: ${p}\n`);
  const lines = calendarHorizon(set, now);
  for (const l of lines) io.stdout.write(`${l.text}\n`);
  const gaps = lines.filter((l) => !l.nextYear).map((l) => `${l.jurisdiction} ${now.getUTCFullYear() + (l.thisYear ? 1 : 0)}`);
  if (gaps.length > 0) {
    io.stderr.write(`horizon: calendars missing for ${gaps.join(', ')} — import them (casedesk calendar import FILE); until then the holiday rule warns (or blocks) on those dates\n`);
    return EXIT_FAILURE;
  }
  io.stdout.write(`horizon: every calendar covers ${now.getUTCFullYear()} and ${now.getUTCFullYear() + 1} (${lines.map((l) => `${l.jurisdiction} ${yearsText(l.years)}`).join('; ')})\n`);
  return EXIT_OK;
};
