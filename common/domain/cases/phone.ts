/**
 * Inbound calls: matching the number a borrower calls from against stored contact points. People
 * read out the last four digits, or the whole number with or without a country code; stored
 * numbers carry spaces, dashes, brackets and "+". Digits only, compared from the end.
 */
export const LAST_DIGITS = 4;
/** A "full" number: enough digits that a suffix match identifies one line. */
export const MIN_FULL_DIGITS = 7;

export function digitsOf(s: string): string {
  return s.replace(/\D+/g, '');
}

/** What may be searched: exactly the last four digits, or at least seven. Null otherwise. */
export function phoneQuery(input: string): string | null {
  const d = digitsOf(input);
  if (d.length === LAST_DIGITS || (d.length >= MIN_FULL_DIGITS && d.length <= 20)) return d;
  return null;
}

/**
 * Does a stored number match the query? The last four digits match their suffix; a full number
 * matches when one ends with the other (a national number against one with its country code).
 */
export function phoneMatches(stored: string, query: string): boolean {
  const s = digitsOf(stored);
  if (s.length === 0) return false;
  if (query.length === LAST_DIGITS) return s.endsWith(query);
  const shorter = s.length <= query.length ? s : query;
  const longer = s.length <= query.length ? query : s;
  return shorter.length >= MIN_FULL_DIGITS && longer.endsWith(shorter);
}
