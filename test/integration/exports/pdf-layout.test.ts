/** Report PDFs read cleanly: cover labels apart from their values, totals, separators, the complaint's handler. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBackend, pdfText, PERIOD, runJob } from './support';

let t: ReturnType<typeof exportBackend>;
beforeAll(() => {
  t = exportBackend();
});
afterAll(() => t.cleanup());

describe('report PDFs', () => {
  it('conduct: cover labels never run into their values; the complaints table names the handler and the collector', async () => {
    const row = t.db
      .prepare(
        `SELECT c.id, c.reference, u.display_name AS collector FROM cases c JOIN users u ON u.id = c.assignee_id
         WHERE c.flag_complaint = 0 AND c.status = 'open' ORDER BY c.reference LIMIT 1`,
      )
      .get() as { id: string; reference: string; collector: string };
    const complaint = await t.call<{ id: string }>('complaints.create', { caseId: row.id, category: 'conduct', channel: 'call', description: 'Rude on the phone.' });
    const supervisor = t.db.prepare("SELECT id FROM users WHERE username = 'wang.fang'").get() as { id: string };
    await t.call('complaints.update', { complaintId: complaint.id, action: 'assign', assigneeId: supervisor.id });

    const job = await runJob(t, { kind: 'conduct', format: 'pdf', ...PERIOD });
    const text = pdfText(job.file ?? '');
    expect(text).toMatch(/Guardrail warnings and blocks\s{2,}\d/);
    expect(text).not.toMatch(/and\d+ blocks/);
    expect(text).toMatch(/处理人 Handler/);
    const line = text.split('\n').find((l) => l.includes(row.reference));
    expect(line).toBeDefined();
    // Handler (the supervisor assigned to the complaint) before Collector (the case's assignee).
    expect(line).toMatch(new RegExp(`王芳 Wang Fang\\s+${row.collector}`));
    expect(text).toContain('合计 Total');
  });

  it('performance: whole currency headers, totals, thousands separators', async () => {
    const job = await runJob(t, { kind: 'performance', format: 'pdf', ...PERIOD });
    const text = pdfText(job.file ?? '');
    expect(text).not.toMatch(/Collected [A-Z]?…|Collected C…/);
    for (const cur of ['CNY', 'GBP', 'USD']) expect(text).toContain(cur);
    expect(text).toContain('合计 Total');
    expect(text).toMatch(/\d{1,3},\d{3}\.\d{2}/);
  });
});
