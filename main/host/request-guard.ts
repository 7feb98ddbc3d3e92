/**
 * Parsing the parts of a request a client controls, without throwing: a URL `new URL()` refuses
 * (`//[`, `http://[/`) or a method name `decodeURIComponent` refuses (`%E0%A4%A`) is null, which the
 * host answers with 400.
 */
export function parseRequestUrl(rawUrl: string | undefined, origin: string): URL | null {
  try {
    return new URL(rawUrl ?? '/', origin);
  } catch {
    return null;
  }
}

export function decodeMethodName(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}
