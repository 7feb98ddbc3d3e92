/** Building blocks shared by method input schemas. Strict objects: unknown keys are errors. */
import { z } from 'zod';
import { CHANNELS, CONTACT_RESULTS, PARTIES } from '../domain/guardrails/types';

export const Id = z.uuid({ message: 'must be an id (UUID)' });
export const IsoInstant = z.iso.datetime({ offset: false, message: 'must be an ISO-8601 UTC instant (…Z)' });
export const IsoDate = z.iso.date({ message: 'must be a calendar date YYYY-MM-DD' });
export const MinorUnits = z
  .number()
  .int('must be whole minor units (fen/cents)')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER);
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY');
export const Reason = z.string().trim().min(5, 'a reason of at least 5 characters is required').max(500);
export const FreeText = z.string().max(10_000, 'at most 10,000 characters');
export const Empty = z.strictObject({});

export const ChannelSchema = z.enum(CHANNELS);
export const ActivityChannelSchema = z.enum(['call', 'sms', 'email', 'letter', 'visit', 'note']);
export const PartySchema = z.enum(PARTIES);
export const ContactResultSchema = z.enum(CONTACT_RESULTS);
export const CaseStatusSchema = z.enum(['open', 'promise', 'plan', 'closed', 'recalled']);
