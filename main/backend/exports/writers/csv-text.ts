/**
 * CSV text (RFC 4180): a field is quoted when it holds a comma, a double quote, CR or LF, with its
 * double quotes doubled; fields are joined by commas. Line ends (CRLF) are the writer's.
 *
 * Built here rather than by csv-stringify: this rule is the whole of what csv-stringify did for our
 * string fields with our options, and its per-record machinery (cast hooks, option objects, a
 * [value, field] pair per cell) cost more than the rest of a 1,000,000-row export (~2.5 s of a 5 s
 * target). test/unit/exports/csv-text.test.ts compares this text byte for byte with
 * csv-stringify's and round-trips it through csv-parse, on tricky values (quotes, commas, CR/LF,
 * CJK, leading = + - @). One deliberate difference from the csv-stringify call it replaces
 * ({ record_delimiter: '\r\n' }): that left a lone CR or LF unquoted (it then quotes only a whole
 * CRLF), which split a note with a line break across two records; here it is quoted, as
 * csv-stringify does with quote_record_delimiter.
 */
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** One field as RFC 4180 writes it. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(QUOTE, '""')}"` : value;
}

/**
 * A text cell as a field a spreadsheet will not run as a formula (OWASP "CSV injection"): text that
 * starts with = + - @, TAB or CR gets a leading apostrophe, which Excel and LibreOffice read as
 * "this is text" and do not show. Names, notes, addresses and phone numbers come from borrowers,
 * lenders and collectors; numbers, instants and dates are not text cells, so a negative amount
 * stays a number. (XLSX cells are typed and PDF is not evaluated: only CSV needs this.)
 */
export function csvText(value: string): string {
  const c = value.charCodeAt(0);
  // = + - @ TAB CR
  return csvField(c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${value}` : value);
}

/** Text cells as one record (csvText each), without its line end. */
export function csvTextRecord(values: readonly string[]): string {
  return values.map(csvText).join(',');
}

/**
 * One record, without its line end. Array join makes one flat string; concatenating with + would
 * make a tree of small strings that the write walks later (a million rows of them is measurable).
 */
export function csvRecord(values: readonly string[]): string {
  return values.map(csvField).join(',');
}
