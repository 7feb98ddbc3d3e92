/**
 * Installed holiday calendars: files in DATA_DIR/calendars/ (one per jurisdiction and year, mode 0600),
 * read over the bundled ones. `casedesk calendar import` writes them; the backend and the CLI read them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CalendarError, parseCalendars, useInstalledCalendars, type CalendarFile, type CalendarSet } from '../../../common/domain/guardrails';

export const CALENDAR_FOLDER = 'calendars';

export function calendarFolder(dataDir: string): string {
  return path.join(dataDir, CALENDAR_FOLDER);
}

function readJson(file: string): unknown {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CalendarError(`${path.basename(file)}: invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Reads and validates a calendar file (one calendar or a list), naming the first problem. */
export function readCalendarFile(file: string): CalendarFile[] {
  return parseCalendars(readJson(file));
}

/** The calendars installed in a data folder; a file that no longer validates is skipped and reported. */
export function installedCalendars(dataDir: string): { files: CalendarFile[]; problems: string[] } {
  const dir = calendarFolder(dataDir);
  const files: CalendarFile[] = [];
  const problems: string[] = [];
  if (!fs.existsSync(dir)) return { files, problems };
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    try {
      files.push(...readCalendarFile(path.join(dir, name)));
    } catch (err) {
      problems.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { files, problems };
}

/** Writes each calendar as DATA_DIR/calendars/<jurisdiction>-<year>.json (0600), replacing one of the same year. */
export function installCalendars(dataDir: string, calendars: readonly CalendarFile[]): string[] {
  const dir = calendarFolder(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return calendars.map((c) => {
    const target = path.join(dir, `${c.jurisdiction}-${c.year}.json`);
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, target);
    return target;
  });
}

/** Makes the engine read the data folder's installed calendars over the bundled ones. */
export function useCalendarsFrom(dataDir: string): { set: CalendarSet; problems: string[] } {
  const { files, problems } = installedCalendars(dataDir);
  return { set: useInstalledCalendars(files), problems };
}
