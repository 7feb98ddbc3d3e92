import { z } from 'zod';
import { method } from '../method';
import { Id } from '../schemas';
import type { LetterPreview, LogContactResult, TemplateSummary } from '../types';

export const letters = {
  templates: method<TemplateSummary[]>()(z.strictObject({ caseId: Id }), {
    description: 'Lender-approved templates of the case’s placement.',
  }),
  preview: method<LetterPreview>()(z.strictObject({ caseId: Id, templateId: Id, contactPointId: Id.nullable().default(null) }), {
    description: 'The template merged with the case, its language check and the guardrail decision.',
  }),
  send: method<LogContactResult>()(
    z.strictObject({ caseId: Id, templateId: Id, contactPointId: Id.nullable().default(null), overrideId: Id.optional() }),
    { description: 'Send (record) the merged letter or message as an activity, after the guardrails.' },
  ),
  pdf: method<{ fileName: string; base64: string }>()(z.strictObject({ caseId: Id, activityId: Id }), {
    description: 'A sent letter rendered to PDF, with an embedded CJK font.',
  }),
  draftPdf: method<{ fileName: string; base64: string }>()(z.strictObject({ caseId: Id, templateId: Id, contactPointId: Id.nullable().default(null) }), {
    description: 'The letter as it would be sent now, as a PDF watermarked DRAFT; records no send (audited).',
  }),
};
