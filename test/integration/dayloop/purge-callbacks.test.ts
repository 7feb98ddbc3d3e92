/** A callback's note is free text: the retention purge blanks it with the case's other text. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueuePage } from '../../../common/api/types';
import type { CallbackView } from '../../../common/api/types-dayloop';
import { demoBackend } from '../../support/backend';

let t: ReturnType<typeof demoBackend>;
beforeAll(() => {
  t = demoBackend({ cases: 12, user: 'admin' });
});
afterAll(() => t.cleanup());

describe('retention purge and callbacks', () => {
  it('blanks the notes of closed and open callbacks; the schedule itself cannot be rewritten', async () => {
    const page = await t.call<QueuePage>('cases.queue', { filters: { contactableNow: true }, limit: 50 });
    const row = page.rows.find((r) => r.preset === 'cn')!;
    const a = await t.call<CallbackView>('callbacks.schedule', { caseId: row.id, date: '2026-11-26', time: '10:30', zone: 'Asia/Shanghai', note: 'call 王先生 at his sister’s' });
    const b = await t.call<CallbackView>('callbacks.schedule', { caseId: row.id, date: '2026-11-27', time: '10:30', zone: 'Asia/Shanghai', note: 'second try' });
    await t.call('callbacks.cancel', { callbackId: a.id });
    expect(() => t.db.prepare("UPDATE callbacks SET due_at = '2030-01-01T00:00:00.000Z' WHERE id = ?").run(b.id)).toThrow(/never changes/);
    expect(() => t.db.prepare("UPDATE callbacks SET status = 'done' WHERE id = ?").run(a.id)).toThrow(/closed once/);
    expect(() => t.db.prepare('DELETE FROM callbacks').run()).toThrow(/never deleted/);

    await t.call('cases.setOutcome', { caseId: row.id, outcome: 'unable_to_locate', reason: 'no working contact point after every trace' });
    t.clock.advance(731 * 86_400_000);
    const { purged } = await t.call<{ purged: string[] }>('privacy.purgeExpired');
    expect(purged).toContain(row.id);
    const notes = t.db.prepare('SELECT note FROM callbacks WHERE case_id = ? ORDER BY due_at').all(row.id) as { note: string }[];
    expect(notes).toEqual([{ note: '[purged]' }, { note: '[purged]' }]);
  });
});
