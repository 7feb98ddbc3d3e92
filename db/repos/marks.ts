/** Marks on activities (append-only): a record flagged for QA review, or done after a recall. */
import type { Db } from '../open';
import { stmt } from './statements';

export interface MarkRow {
  id: string;
  activity_id: string;
  mark: 'after_recall' | 'qa_review';
  reason: string;
  at: string;
}

export const marksRepo = {
  insert(db: Db, m: MarkRow): void {
    stmt(db, 'INSERT INTO activity_marks (id, activity_id, mark, reason, at) VALUES (@id, @activity_id, @mark, @reason, @at)').run(m);
  },
  byActivity(db: Db, activityId: string): MarkRow[] {
    return stmt(db, 'SELECT * FROM activity_marks WHERE activity_id = ? ORDER BY at, id').all(activityId) as MarkRow[];
  },
};
