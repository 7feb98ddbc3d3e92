/** Injected by the build (esbuild define); falls back for tests run from source. */
declare const __CASEDESK_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __CASEDESK_VERSION__ === 'string' ? __CASEDESK_VERSION__ : '0.1.0-dev';
