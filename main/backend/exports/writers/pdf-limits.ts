/** A PDF lists at most this many rows per section (it says so on the page; CSV and XLSX carry all). */
export const PDF_ROWS_PER_SECTION = 10_000;
