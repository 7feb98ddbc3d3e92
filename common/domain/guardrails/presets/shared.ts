import type { PolicyLimits } from '../types';

/** Numbers every preset carries; each preset overrides what its rules use. */
export const BASE_LIMITS: PolicyLimits = {
  cnUnanswered: { maxPerContactPerDay: 6, warnAt: 5 },
  cnConnected: { maxPerDay: 3 },
  cnThirdParty: { failedAttempts: 3, unreachableDays: 3 },
  visit: { minCollectors: 2 },
  usFrequency: {
    maxCalls: 7,
    windowDays: 7,
    afterConversationDays: 7,
    consentDays: 7,
    countBusy: false,
    countNotInService: false,
  },
  usPattern: { unansweredMinutes: 5, maxCallsPerDay: 3 },
  usThirdParty: { maxLocationContacts: 1 },
  usValidation: { days: 5 },
  ukExcessive: { maxCallsPerDay: 3, maxCallsPerWindow: 10, maxWrittenPerWindow: 3, windowDays: 7 },
  ledgerMaxAgeHours: 24,
  retention: { recordsYears: 2 },
};

export const COMMON_SOURCE = 'docs/CONDUCT_RULES.md — common to every preset (placement terms)';
export const PRESET_RELEASE = '2026.1';
