/** The renderer's one origin. Everything else (http, file, other hosts) is foreign. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'casedesk';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Parsed, never substring-matched: `app://casedesk.evil/` or `app://casedesk@x/` do not pass. */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}
