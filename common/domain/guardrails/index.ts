export type {
  Action,
  ActionPurpose,
  Channel,
  ContactPointFlags,
  ContactResult,
  Conversation,
  Decision,
  ExtraTerm,
  Facts,
  Flags,
  HistoryEntry,
  HolidayCalendar,
  HolidayMode,
  InconvenientTime,
  Lang,
  LexiconCategory,
  Party,
  Policy,
  PolicyInput,
  PolicyLimits,
  PresetId,
  Reason,
  RuleLevel,
  Severity,
} from './types';
export { ACTION_PURPOSES, CHANNELS, CONTACT_RESULTS, PARTIES, PRESET_IDS } from './types';
export { evaluate } from './evaluate';
export { evaluateUnsolicited } from './unsolicited';
export { nextLawfulContact } from './next-contact';
export { PolicyError, resolvePolicy } from './policy';
export type { Tightening } from './policy-schema';
export { presets, ruleSource } from './presets';
export { ScenarioError, decisionToJson, parseScenario, scenarioSchema } from './scenario';
export type { DecisionJson } from './scenario';
export { canPurgeBorrower, canPurgeRecords, earliestPurge, latestInstant, purgeDueAt } from './retention';
export type { BorrowerCaseRetention, CaseRetention } from './retention';
export { calendarDay, holidayOn } from './holidays';
export * from './calendars';
