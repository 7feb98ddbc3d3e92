/** Seeds a placement with the project's lender-approved templates for its preset (both languages). */
import type { PresetId } from '../../../common/domain/guardrails';
import { TEMPLATES } from '../../../common/domain/templates';
import { newId } from '../../../common/ids';
import { templatesRepo } from '../../../db/repos/templates';
import type { Db } from '../../../db/open';

export function seedTemplates(db: Db, placementId: string, preset: PresetId, approvedAt: string): void {
  for (const t of TEMPLATES.filter((x) => x.preset === preset)) {
    templatesRepo.insert(db, {
      id: newId(),
      placement_id: placementId,
      kind: t.kind,
      language: t.lang,
      name: t.id,
      subject: t.subject ?? '',
      body: t.body,
      approved_at: approvedAt,
    });
  }
}
