import type { Policy } from '../types';
import { BASE_LIMITS, COMMON_SOURCE, PRESET_RELEASE } from './shared';

export const ukSources: Record<string, string> = {
  'UK-HOURS': 'FCA CONC 7.9; MCOB 13.5.4',
  'UK-EXCESSIVE': 'FCA CONC 7.9',
  'UK-IDV': 'FCA CONC 7.9',
  'UK-PRIVACY': 'FCA CONC 7.9, 7.14',
  'UK-VULNERABLE': 'FCA CONC 7.2, 7.3',
  'UK-FORBEARANCE': 'FCA CONC 7.3',
  'UK-LANGUAGE': 'FCA CONC 7.11, 7.14',
  'UK-HOLIDAY': `${COMMON_SOURCE}: holidays (calendar data: bank holidays in England and Wales, bundled per year)`,
  'UK-RECALL': COMMON_SOURCE,
  'UK-CEASE': COMMON_SOURCE,
  'UK-DISPUTE': COMMON_SOURCE,
  'UK-COMPLAINT': COMMON_SOURCE,
  'UK-BANKRUPTCY': COMMON_SOURCE,
  'UK-DECEASED': COMMON_SOURCE,
  'UK-OPT-OUT': 'FCA CONC 7.9 (customer requests about how to be contacted)',
  'TEMPLATE-FIELD': 'CaseDesk templates: every merge field filled',
};

export const ukConcPreset: Policy = {
  preset: 'uk-conc',
  version: `uk-conc@${PRESET_RELEASE}`,
  defaultTimezone: 'Europe/London',
  rules: {
    'UK-HOURS': 'block',
    'UK-EXCESSIVE': 'warn',
    'UK-IDV': 'block',
    'UK-PRIVACY': 'block',
    'UK-VULNERABLE': 'warn',
    'UK-FORBEARANCE': 'warn',
    'UK-LANGUAGE': 'block',
    'UK-RECALL': 'block',
    'UK-CEASE': 'block',
    'UK-DISPUTE': 'block',
    'UK-COMPLAINT': 'block',
    'UK-BANKRUPTCY': 'block',
    'UK-DECEASED': 'block',
    'UK-OPT-OUT': 'block',
    'TEMPLATE-FIELD': 'block',
  },
  hours: { start: '08:00', end: '21:00', channels: ['call', 'sms', 'email', 'visit'] },
  holidays: { mode: 'off', calendar: 'gb', channels: ['call', 'visit'] },
  // CONC 7 sets no retention period; 0 means no UK-RECORDS rule.
  limits: { ...BASE_LIMITS, retention: { recordsYears: 0 } },
  lexicon: { extraTerms: [] },
};
