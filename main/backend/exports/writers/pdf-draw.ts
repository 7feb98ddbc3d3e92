/**
 * Drawing primitives for report PDFs: the watermark, a table row, a grouped bar chart. Text is
 * drawn with lineBreak off at fixed positions, so nothing here ever starts a page by itself.
 */
import type PDFDocument from 'pdfkit';
import type { BarChart } from '../types';

type Doc = InstanceType<typeof PDFDocument>;

const CJK_OR_WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Width estimate without shaping each string (fontkit layout per cell would dominate the run). */
export function estimateWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += CJK_OR_WIDE.test(ch) ? size : size * 0.52;
  return w;
}

export function fitText(text: string, width: number, size: number): string {
  if (estimateWidth(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && estimateWidth(chars.join('') + '…', size) > width) chars.pop();
  return chars.join('') + '…';
}

/** Footer line plus a faint diagonal mark: a printout or screenshot still says who exported it. */
export function drawWatermark(doc: Doc, text: string, pageNo: number): void {
  const { width, height } = doc.page;
  const x = doc.x;
  const y = doc.y;
  doc.save();
  doc.font('cjk').fontSize(7).fillColor('#555555').fillOpacity(1);
  doc.text(`${text}    · ${pageNo}`, 36, height - 24, { lineBreak: false });
  doc.fontSize(28).fillColor('#888888').fillOpacity(0.12);
  doc.rotate(-25, { origin: [width / 2, height / 2] });
  doc.text(text, width / 2 - estimateWidth(text, 28) / 2, height / 2 - 14, { lineBreak: false });
  doc.restore();
  doc.fillOpacity(1).fillColor('#000000');
  doc.x = x;
  doc.y = y;
}

export interface TableLayout {
  x: number;
  widths: number[];
  rightAligned: boolean[];
  size: number;
  rowHeight: number;
}

export function drawRow(doc: Doc, layout: TableLayout, y: number, cells: readonly string[], header = false): void {
  let x = layout.x;
  if (header) doc.rect(layout.x, y - 2, layout.widths.reduce((a, b) => a + b, 0), layout.rowHeight).fill('#e8ecf2');
  doc.fillColor(header ? '#000000' : '#111111').fontSize(layout.size);
  for (let i = 0; i < layout.widths.length; i++) {
    const w = layout.widths[i] ?? 0;
    const text = fitText(cells[i] ?? '', w - 4, layout.size);
    const tx = !header && layout.rightAligned[i] ? x + w - 2 - estimateWidth(text, layout.size) : x + 2;
    if (text) doc.text(text, tx, y, { lineBreak: false });
    x += w;
  }
}

/** A header row whose cells wrap (pre-wrapped lines per cell), shaded; returns its height. */
export function drawHeaderRow(doc: Doc, layout: TableLayout, y: number, lines: readonly (readonly string[])[]): number {
  const lineH = layout.size + 2;
  const height = Math.max(1, ...lines.map((l) => l.length)) * lineH + 4;
  doc.rect(layout.x, y - 2, layout.widths.reduce((a, b) => a + b, 0), height).fill('#e8ecf2');
  doc.fillColor('#000000').fontSize(layout.size);
  let x = layout.x;
  for (let i = 0; i < layout.widths.length; i++) {
    const w = layout.widths[i] ?? 0;
    (lines[i] ?? []).forEach((line, n) => {
      const tx = layout.rightAligned[i] ? x + w - 2 - estimateWidth(line, layout.size) : x + 2;
      doc.text(line, tx, y + n * lineH, { lineBreak: false });
    });
    x += w;
  }
  return height;
}

const PALETTE = ['#3b6fb6', '#e08a2e', '#4f9d69', '#b64b5a'];

/** A grouped vertical bar chart in the box (x, y, w, h), with values above the bars. */
export function drawBarChart(doc: Doc, chart: BarChart, x: number, y: number, w: number, h: number): void {
  doc.fillColor('#000000').fontSize(10).text(chart.title, x, y, { lineBreak: false });
  const legendY = y + 14;
  chart.series.forEach((s, i) => {
    doc.rect(x + i * 90, legendY + 1, 8, 8).fill(PALETTE[i % PALETTE.length] ?? '#333333');
    doc.fillColor('#000000').fontSize(7).text(s, x + i * 90 + 11, legendY, { lineBreak: false });
  });
  const top = y + 30;
  const bottom = y + h - 22;
  const plotH = bottom - top;
  const max = Math.max(chart.unit === 'percent' ? 1 : 1, ...chart.bars.flatMap((b) => b.values));
  doc.moveTo(x, bottom).lineTo(x + w, bottom).lineWidth(0.5).strokeColor('#999999').stroke();
  if (chart.bars.length === 0) {
    doc.fillColor('#666666').fontSize(8).text('— no data 无数据 —', x + w / 2 - 30, top + plotH / 2, { lineBreak: false });
    return;
  }
  const group = w / chart.bars.length;
  const barW = Math.max(2, Math.min(28, (group * 0.7) / Math.max(1, chart.series.length)));
  chart.bars.forEach((b, gi) => {
    const gx = x + gi * group + (group - barW * b.values.length) / 2;
    b.values.forEach((v, si) => {
      const bh = max > 0 ? (Math.max(0, v) / max) * plotH : 0;
      const bx = gx + si * barW;
      if (bh > 0) doc.rect(bx, bottom - bh, barW - 1, bh).fill(PALETTE[si % PALETTE.length] ?? '#333333');
      const label = chart.unit === 'percent' ? `${(v * 100).toFixed(0)}%` : String(v);
      doc.fillColor('#333333').fontSize(6).text(label, bx, bottom - bh - 8, { lineBreak: false });
    });
    doc.fillColor('#000000').fontSize(7).text(fitText(b.label, group - 2, 7), x + gi * group + 1, bottom + 4, { lineBreak: false });
  });
}
