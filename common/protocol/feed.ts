import { z } from 'zod';
import { SignedEnvelope } from './primitives';

/** GET /v1/feed?after=N: the lender's signed packages for the caller, in order. */
export const FeedItemSchema = z.strictObject({
  cursor: z.number().int().min(1),
  kind: z.enum(['assignment', 'recall', 'balance', 'payment']),
  envelope: SignedEnvelope,
});
export type FeedItem = z.infer<typeof FeedItemSchema>;

export const FeedResponse = z.strictObject({
  items: z.array(FeedItemSchema),
  /** The cursor to ask after next time (the last item's, or the one given). */
  next: z.number().int().min(0),
  more: z.boolean(),
});
export type FeedResponse = z.infer<typeof FeedResponse>;
