// One-off generator of the bundled holiday calendars (common/domain/guardrails/calendars/data/).
// The engine never reads these packages at run time: the files it writes are committed as data, each
// naming its jurisdiction, its year and its source. Re-run only to add a year the packages know:
//   node scripts/calendars-from-packages.mjs cn 2023 2026 && node scripts/calendars-from-packages.mjs us 2023 2030
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const OUT = path.join(path.dirname(new URL(import.meta.url).pathname), '../common/domain/guardrails/calendars/data');

function chinese(year) {
  const data = require('chinese-days/dist/chinese-days.json');
  const pick = (table) =>
    Object.fromEntries(
      Object.entries(table)
        .filter(([d]) => d.startsWith(`${year}-`))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([d, raw]) => {
          const [en, zh] = raw.split(',');
          return [d, zh && en ? `${zh} / ${en}` : raw];
        }),
    );
  const { version } = require('chinese-days/package.json');
  return { holidays: pick(data.holidays), workdays: pick(data.workdays), source: `State Council 国务院办公厅 holiday notice for ${year}, via chinese-days@${version}` };
}

function western(jur, year) {
  const Holidays = require('date-holidays');
  const hd = jur === 'us' ? new Holidays('US') : new Holidays('GB', 'ENG');
  const holidays = {};
  for (const h of hd.getHolidays(year)) {
    if (h.type === 'public' || h.type === 'bank') holidays[h.date.slice(0, 10)] = h.name;
  }
  const { version } = require('date-holidays/package.json');
  const what = jur === 'us' ? 'US federal holidays' : 'bank holidays in England and Wales';
  return { holidays, workdays: {}, source: `${what} ${year}, via date-holidays@${version}` };
}

const [jur, from, to] = process.argv.slice(2);
for (let year = Number(from); year <= Number(to ?? from); year++) {
  const body = jur === 'cn' ? chinese(year) : western(jur, year);
  const file = { format: 'casedesk-calendar@1', jurisdiction: jur, year, source: body.source, holidays: body.holidays, workdays: body.workdays };
  writeFileSync(path.join(OUT, `${jur}-${year}.json`), `${JSON.stringify(file, null, 2)}\n`);
  console.log(`${jur}-${year}: ${Object.keys(file.holidays).length} holidays, ${Object.keys(file.workdays).length} adjusted working days`);
}
