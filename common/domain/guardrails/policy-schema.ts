import { z } from 'zod';
import { IANAZone } from 'luxon';
import { CHANNELS, PRESET_IDS } from './types';

const LEXICON_CATEGORIES = [
  'threat_arrest',
  'threat_violence',
  'exposure',
  'impersonation',
  'false_legal',
  'insult',
  'collection_fee',
  'payee',
  'new_borrowing',
  'pressure',
  'legal_action',
  'debt_mention',
] as const;

export const hhmm = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a time HH:mm (00:00–24:00)');
export const channelSchema = z.enum(CHANNELS as [string, ...string[]]).transform((c) => c as (typeof CHANNELS)[number]);
export const presetIdSchema = z.enum(PRESET_IDS as [string, ...string[]]);
export const ianaZone = z.string().refine((s) => IANAZone.isValidZone(s), 'expected an IANA time zone');
const count = z.number().int().min(0).max(10_000);
const days = z.number().int().min(1).max(366);

/** What a placement may change. Every key optional; unknown keys rejected. */
export const tighteningSchema = z.strictObject({
  defaultTimezone: ianaZone.optional(),
  rules: z.record(z.string(), z.enum(['block', 'warn', 'qa', 'off'])).optional(),
  hours: z
    .strictObject({ start: hhmm.optional(), end: hhmm.optional(), channels: z.array(channelSchema).optional() })
    .optional(),
  holidays: z
    .strictObject({
      mode: z.enum(['off', 'warn', 'block']).optional(),
      calendar: z.enum(['cn', 'us', 'gb']).optional(),
      channels: z.array(channelSchema).optional(),
    })
    .optional(),
  limits: z
    .strictObject({
      cnUnanswered: z.strictObject({ maxPerContactPerDay: count.optional(), warnAt: count.optional() }).optional(),
      cnConnected: z.strictObject({ maxPerDay: count.optional() }).optional(),
      cnThirdParty: z.strictObject({ failedAttempts: count.optional(), unreachableDays: days.optional() }).optional(),
      visit: z.strictObject({ minCollectors: count.optional() }).optional(),
      usFrequency: z
        .strictObject({
          maxCalls: count.optional(),
          windowDays: days.optional(),
          afterConversationDays: days.optional(),
          consentDays: z.number().int().min(0).max(366).optional(),
          countBusy: z.boolean().optional(),
          countNotInService: z.boolean().optional(),
        })
        .optional(),
      usPattern: z
        .strictObject({ unansweredMinutes: z.number().int().min(0).max(1440).optional(), maxCallsPerDay: count.optional() })
        .optional(),
      usThirdParty: z.strictObject({ maxLocationContacts: count.optional() }).optional(),
      usValidation: z.strictObject({ days: days.optional() }).optional(),
      ukExcessive: z
        .strictObject({
          maxCallsPerDay: count.optional(),
          maxCallsPerWindow: count.optional(),
          maxWrittenPerWindow: count.optional(),
          windowDays: days.optional(),
        })
        .optional(),
      ledgerMaxAgeHours: z.number().min(0).max(24 * 366).optional(),
      retention: z.strictObject({ recordsYears: z.number().int().min(0).max(100).optional() }).optional(),
    })
    .optional(),
  lexicon: z
    .strictObject({
      extraTerms: z
        .array(z.strictObject({ phrase: z.string().trim().min(1).max(200), category: z.enum(LEXICON_CATEGORIES) }))
        .optional(),
    })
    .optional(),
});

export type Tightening = z.infer<typeof tighteningSchema>;

/** A policy object: a preset plus tightening; a full exported policy (with its version) also parses. */
export const policyObjectSchema = tighteningSchema.extend({
  preset: presetIdSchema,
  version: z.string().optional(),
});
