/** A postal address as the lines of an address block. */

/**
 * Explicit line breaks are kept; a one-line address with commas ("12 High St, Leeds LS1 4AP")
 * breaks after its first part, so the street stands on its own line. Empty parts are dropped.
 */
export function addressLines(address: string): string[] {
  const lines = address
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length !== 1) return lines;
  const only = lines[0]!;
  const comma = only.search(/[,，]/);
  if (comma < 0) return [only];
  const rest = only.slice(comma + 1).trim();
  return rest === '' ? [only.slice(0, comma).trim()] : [only.slice(0, comma).trim(), rest];
}
