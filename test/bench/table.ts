/** The human-readable table printed before the JSON line. */
import type { Figure } from './context';
import { ENCRYPTION_TARGET, encryptionMet, TARGETS, type BenchKey } from './targets';

const THROUGHPUT_UNIT: Partial<Record<BenchKey, string>> = { guardrail_eval: 'evals/s', export_csv: 'rows/s', sync_push: 'records/s' };

function num(n: number): string {
  if (n >= 100) return Math.round(n).toLocaleString('en-US');
  if (n >= 10) return n.toFixed(1);
  return n.toFixed(n >= 1 ? 2 : 3);
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
}

export function renderTable(figures: Partial<Record<BenchKey, Figure>>, errors: Partial<Record<BenchKey, string>>, encryption: { queue: number; log_contact: number } | string | null): string {
  const header = ['benchmark', 'median', 'p95', 'bare median', 'ratio', 'throughput', 'target', 'result'];
  const rows: string[][] = [header];
  for (const key of Object.keys(TARGETS) as BenchKey[]) {
    const f = figures[key];
    const target = TARGETS[key];
    if (!f) {
      rows.push([key, '—', '—', '—', '—', '—', target?.text ?? '', `not run: ${errors[key] ?? 'unknown'}`]);
      continue;
    }
    const extra = f.peak_rss_mb !== undefined ? `, ${num(f.peak_rss_mb)} MB peak` : '';
    rows.push([
      key,
      `${num(f.median)} ${f.unit}`,
      `${num(f.p95)} ${f.unit}`,
      f.bare ? `${num(f.bare.median)} ${f.unit}` : '',
      f.ratio !== undefined ? `${num(f.ratio)}×` : '',
      f.per_s !== undefined ? `${num(f.per_s)} ${THROUGHPUT_UNIT[key] ?? '/s'}${extra}` : extra.slice(2),
      target?.text ?? '(no target)',
      target ? (target.met(f) ? 'met' : 'MISSED') : '',
    ]);
  }
  if (encryption !== null) {
    if (typeof encryption === 'string') rows.push(['encryption', '—', '—', '—', '—', '—', ENCRYPTION_TARGET, `not run: ${encryption}`]);
    else
      rows.push([
        'encryption',
        '',
        '',
        '',
        `queue ${num(encryption.queue)}×, log ${num(encryption.log_contact)}×`,
        '',
        ENCRYPTION_TARGET,
        encryptionMet(encryption.queue, encryption.log_contact) ? 'met' : 'MISSED',
      ]);
  }
  const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => pad(r, widths)).join('\n');
}
