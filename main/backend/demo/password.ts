/** Every demo user's password (the demo is for trying CaseDesk out, never for real data). */
export const DEMO_PASSWORD = 'casedesk-demo';
