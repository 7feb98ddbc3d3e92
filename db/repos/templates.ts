import type { Db } from '../open';
import { stmt } from './statements';

export interface TemplateRow {
  id: string;
  placement_id: string;
  kind: 'letter' | 'sms' | 'email';
  language: 'zh-CN' | 'en';
  name: string;
  subject: string;
  body: string;
  approved_at: string;
}

export const templatesRepo = {
  insert(db: Db, t: TemplateRow): void {
    stmt(
      db,
      `INSERT INTO templates (id, placement_id, kind, language, name, subject, body, approved_at)
       VALUES (@id, @placement_id, @kind, @language, @name, @subject, @body, @approved_at)`,
    ).run(t);
  },
  byPlacement(db: Db, placementId: string): TemplateRow[] {
    return stmt(db, 'SELECT * FROM templates WHERE placement_id = ? ORDER BY kind, language, name').all(placementId) as TemplateRow[];
  },
  byId(db: Db, id: string): TemplateRow | undefined {
    return stmt(db, 'SELECT * FROM templates WHERE id = ?').get(id) as TemplateRow | undefined;
  },
};
