/**
 * PDF through pdfkit: a cover page (title, period, placement, who exported and when), bar charts
 * for the performance and conduct figures, then each section as a paginated table with its header
 * repeated. The CJK font is embedded (subset); every page carries the watermark. A PDF is for
 * reading: long sections stop at PDF_ROWS_PER_SECTION rows with a note (CSV/XLSX hold them all).
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { findCjkFont } from '../../pdf/fonts';
import { CHECK_EVERY, yieldToLoop } from './cells';
import { finished } from './files';
import { drawBarChart, drawHeaderRow, drawRow, drawWatermark, estimateWidth, type TableLayout } from './pdf-draw';
import { pdfCellText, totalsRow, wrapHeader } from './pdf-cells';
import { ExportCancelledError, KIND_TITLES, watermarkOf, type Cell, type ExportRequest, type Section, type SectionResult } from '../types';

export { PDF_ROWS_PER_SECTION } from './pdf-limits';
import { PDF_ROWS_PER_SECTION } from './pdf-limits';

const MARGIN = 36;
const FOOTER = 30;

type Doc = InstanceType<typeof PDFDocument>;

function cover(doc: Doc, req: ExportRequest, sections: readonly Section[], placementLabel: string): void {
  doc.fillColor('#000000').fontSize(22).text(KIND_TITLES[req.kind], MARGIN, 90);
  doc.moveDown(0.3).fontSize(11).fillColor('#444444').text('CaseDesk report export 报表导出');
  doc.moveDown(1.2).fillColor('#000000').fontSize(11);
  const lines: [string, string][] = [
    ['期间 Period (whole days, inclusive)', `${req.from} – ${req.to} (${req.timeZone})`],
    ['委案 Placement', placementLabel],
    ['导出人 Exported by', `${req.exportedBy.displayName} (${req.exportedBy.username})`],
    ['导出时间 Exported at (UTC)', req.exportedAt],
    ['工作站 Workstation', req.workstationId],
    ['个人信息 Personal data', req.masked ? '已遮蔽 masked' : '未遮蔽 NOT masked — the reason is in the audit log and the manifest'],
    ['数据来源 Source', '本工作站数据库 this workstation database (local)'],
    ...sections.map((s): [string, string] => [`行数 Rows · ${s.title}`, s.total > PDF_ROWS_PER_SECTION ? `${s.total} (first ${PDF_ROWS_PER_SECTION} shown)` : String(s.total)]),
  ];
  // The values start after the longest label, so no label runs into its value.
  const valueX = MARGIN + Math.max(230, ...lines.map(([k]) => estimateWidth(k, 11) + 24));
  let y = doc.y;
  for (const [k, v] of lines) {
    doc.fillColor('#555555').text(k, MARGIN, y, { lineBreak: false });
    doc.fillColor('#000000').text(v, valueX, y, { lineBreak: false });
    y += 20;
  }
  doc.fontSize(8).fillColor('#666666').text('SHA-256 and the Ed25519 signature of the workstation: see the .manifest.json beside this file.', MARGIN, y + 20, { lineBreak: false });
}

function chartPages(doc: Doc, sections: readonly Section[]): void {
  const charts = sections.flatMap((s) => s.charts ?? []);
  const w = doc.page.width - 2 * MARGIN;
  const h = (doc.page.height - 2 * MARGIN - FOOTER) / 2;
  charts.forEach((chart, i) => {
    if (i % 2 === 0) doc.addPage();
    drawBarChart(doc, chart, MARGIN, MARGIN + (i % 2) * h, w, h - 10);
  });
}

function layoutOf(doc: Doc, s: Section): TableLayout {
  const usable = doc.page.width - 2 * MARGIN;
  const total = s.columns.reduce((a, c) => a + c.width, 0);
  const size = s.columns.length > 12 ? 6.5 : 7.5;
  return {
    x: MARGIN,
    widths: s.columns.map((c) => (c.width / total) * usable),
    rightAligned: s.columns.map((c) => c.type === 'int' || c.type === 'money' || c.type === 'percent'),
    size,
    rowHeight: size + 4.5,
  };
}

export async function writePdf(
  req: ExportRequest,
  sections: readonly Section[],
  placementLabel: string,
  onRow: (rowsDone: number) => void,
  isCancelled: () => boolean,
): Promise<SectionResult[]> {
  const font = findCjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: KIND_TITLES[req.kind], Author: req.exportedBy.displayName, Creator: 'CaseDesk', Subject: `${req.from} – ${req.to}` },
  });
  doc.registerFont('cjk', font.file, font.family);
  const out = fs.createWriteStream(req.outFile);
  const closed = finished(out);
  doc.pipe(out);
  const mark = watermarkOf(req);
  let pageNo = 0;
  doc.on('pageAdded', () => {
    drawWatermark(doc, mark, ++pageNo);
    doc.font('cjk');
  });
  const results: SectionResult[] = [];
  let done = 0;
  try {
    doc.addPage();
    doc.font('cjk');
    cover(doc, req, sections, placementLabel);
    chartPages(doc, sections);
    const bottom = () => doc.page.height - MARGIN - FOOTER;
    for (const s of sections) {
      const layout = layoutOf(doc, s);
      const headers = s.columns.map((c, k) => wrapHeader(c.header, (layout.widths[k] ?? 0) - 4, layout.size));
      const types = s.columns.map((c) => c.type);
      const forTotals: Cell[][] = [];
      doc.addPage();
      doc.fillColor('#000000').fontSize(12).text(s.title, MARGIN, MARGIN, { lineBreak: false });
      let y = MARGIN + 22;
      y += drawHeaderRow(doc, layout, y, headers);
      let n = 0;
      let truncatedAt: number | undefined;
      for (const row of s.rows()) {
        if (n === PDF_ROWS_PER_SECTION) {
          truncatedAt = n;
          break;
        }
        if (y + layout.rowHeight > bottom()) {
          doc.addPage();
          y = MARGIN;
          y += drawHeaderRow(doc, layout, y, headers);
        }
        drawRow(doc, layout, y, row.map((c, k) => pdfCellText(c, types[k] ?? 'text')));
        if (s.totals) forTotals.push(row);
        y += layout.rowHeight;
        n++;
        if (++done % CHECK_EVERY === 0) {
          if (isCancelled()) throw new ExportCancelledError();
          onRow(done);
          await yieldToLoop();
        }
      }
      if (s.totals && n > 0 && truncatedAt === undefined) {
        if (y + layout.rowHeight > bottom()) {
          doc.addPage();
          y = MARGIN;
        }
        doc.moveTo(MARGIN, y - 1).lineTo(MARGIN + layout.widths.reduce((a, b) => a + b, 0), y - 1).lineWidth(0.6).strokeColor('#333333').stroke();
        drawRow(doc, layout, y + 1, totalsRow(s.columns, forTotals).map((c, k) => pdfCellText(c, types[k] ?? 'text')));
        y += layout.rowHeight + 2;
      }
      if (n === 0) doc.fillColor('#666666').fontSize(8).text('— no rows in this period 本期间无记录 —', MARGIN, y + 4, { lineBreak: false });
      if (truncatedAt !== undefined) {
        if (y + 20 > bottom()) {
          doc.addPage();
          y = MARGIN;
        }
        doc.fillColor('#a33').fontSize(8).text(`Only the first ${truncatedAt} of ${s.total} rows are listed in the PDF; export CSV or XLSX for all of them. PDF 仅列出前 ${truncatedAt} 行。`, MARGIN, y + 6, { lineBreak: false });
      }
      results.push(truncatedAt === undefined ? { title: s.title, rows: n } : { title: s.title, rows: n, truncatedAt });
    }
    doc.end();
    await closed;
    onRow(done);
    return results;
  } catch (err) {
    doc.unpipe(out);
    out.destroy();
    await closed.catch(() => undefined);
    throw err;
  }
}
