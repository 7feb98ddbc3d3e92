import { letterService } from '../services/letters';
import type { NamespaceHandlers } from './types';

export const letterHandlers: NamespaceHandlers<'letters'> = {
  templates: (input, ctx) => letterService.templates(ctx, input.caseId),
  preview: (input, ctx) => letterService.preview(ctx, input),
  send: (input, ctx) => letterService.send(ctx, input),
  pdf: (input, ctx) => letterService.pdf(ctx, input),
  draftPdf: (input, ctx) => letterService.draftPdf(ctx, input),
};
