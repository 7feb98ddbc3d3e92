import { z } from 'zod';
import { method } from '../method';

export interface InboundMatch {
  caseId: string;
  reference: string;
  status: string;
  placementCode: string;
  borrowerName: string; // masked
  contactPointId: string;
  contact: string; // masked
}

export const inbound = {
  findByPhone: method<InboundMatch[]>()(
    z.strictObject({
      /** The caller's number, whole or its last four digits; formatting is ignored. */
      number: z.string().trim().min(4, 'at least the last four digits').max(40),
    }),
    { description: 'Find the cases of a borrower calling in, by phone number or its last four digits (audited: it reads personal data).' },
  ),
};
