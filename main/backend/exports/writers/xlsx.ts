/**
 * XLSX through exceljs's streaming WorkbookWriter: rows are committed as they come, so memory stays
 * flat. Cells are typed (numbers, money in major units with a number format, dates), the header
 * row is frozen, each section is a sheet (continued on "(2)", "(3)"… past Excel's row limit) and
 * an "About" sheet carries the period, filters and the watermark.
 */
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { CHECK_EVERY, isMoney, moneyFormat, moneyMajor, yieldToLoop } from './cells';
import { finished } from './files';
import type fs from 'node:fs';
import { ExportCancelledError, KIND_TITLES, watermarkOf, type Cell, type Column, type ExportRequest, type Section, type SectionResult } from '../types';

/** Excel's 1,048,576 rows per sheet, less the header row. */
export const XLSX_ROWS_PER_SHEET = 1_048_575;

const FORMATS: Partial<Record<Column['type'], string>> = {
  instant: 'yyyy-mm-dd hh:mm:ss',
  date: 'yyyy-mm-dd',
  percent: '0.00%',
  int: '#,##0',
};

/**
 * exceljs 4.4.0's WorkbookWriter gives each sheet an internal StreamBuf whose pipe() returns
 * nothing, so zip-stream's `source.pipe(new PassThrough())` never drains it and every row stays in
 * memory until the workbook commits (upstream exceljs#2916, #1894: ~650 bytes a row). Each sheet
 * gets a real Node stream instead: the zip consumes it as rows come, and its `drain` gives the row
 * loop true backpressure. exceljs writes strings and its StringBuf objects; both become bytes here.
 */
class SheetStream extends PassThrough {
  override write(chunk: unknown, encoding?: BufferEncoding | ((err?: Error | null) => void), cb?: (err?: Error | null) => void): boolean {
    const bytes = typeof chunk === 'string' || Buffer.isBuffer(chunk) ? chunk : (chunk as { toBuffer(): Buffer }).toBuffer();
    return typeof encoding === 'function' ? super.write(bytes, encoding) : super.write(bytes, encoding ?? 'utf8', cb);
  }
}

interface ZipAppender {
  zip: { append(source: NodeJS.ReadableStream, data: { name: string }): void };
  _openStream(path: string): NodeJS.WritableStream;
}

function streamSheetsThroughZip(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const w = wb as unknown as ZipAppender;
  w._openStream = (path: string) => {
    const stream = new SheetStream({ highWaterMark: 1 << 20 });
    w.zip.append(stream, { name: path });
    stream.on('finish', () => stream.emit('zipped'));
    return stream;
  };
}

async function drained(ws: ExcelJS.Worksheet): Promise<void> {
  const stream = (ws as unknown as { stream: PassThrough }).stream;
  if (stream.writableNeedDrain) await once(stream, 'drain');
}

function sheetName(title: string, part: number, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, part > 1 ? 26 : 31);
  let name = part > 1 ? `${base} (${part})` : base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)}~${i}`;
  used.add(name.toLowerCase());
  return name;
}

function cellValue(cell: Cell, type: Column['type']): ExcelJS.CellValue {
  if (cell === null) return null;
  if (isMoney(cell)) return moneyMajor(cell);
  if (type === 'instant' && typeof cell === 'string') return new Date(cell);
  if (type === 'date' && typeof cell === 'string') return new Date(`${cell.slice(0, 10)}T00:00:00.000Z`);
  return cell;
}

function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, s: Section): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = s.columns.map((c) => ({ width: Math.max(8, Math.min(40, c.width + 2)), style: FORMATS[c.type] ? { numFmt: FORMATS[c.type] } : {} }));
  const header = ws.addRow(s.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  return ws;
}

function writeAbout(wb: ExcelJS.stream.xlsx.WorkbookWriter, req: ExportRequest, sections: readonly Section[], placementLabel: string): void {
  const ws = wb.addWorksheet('About', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = [{ width: 28 }, { width: 80 }];
  const rows: [string, string | number][] = [
    ['项目 Field', '内容 Value'],
    ['报表 Report', KIND_TITLES[req.kind]],
    ['期间 Period (whole days, inclusive)', `${req.from} – ${req.to} (${req.timeZone})`],
    ['委案 Placement', placementLabel],
    ['导出人 Exported by', `${req.exportedBy.displayName} (${req.exportedBy.username})`],
    ['导出时间 Exported at (UTC)', req.exportedAt],
    ['工作站 Workstation', req.workstationId],
    ['个人信息 Personal data', req.masked ? '已遮蔽 masked' : '未遮蔽 NOT masked (reason in the audit log and the manifest)'],
    ...sections.map((s): [string, number] => [`行数 Rows: ${s.title}`, s.total]),
    ['数据来源 Source', '本工作站数据库 this workstation database (local)'],
    ['水印 Watermark', watermarkOf(req)],
    ['校验 Verification', 'SHA-256 and the Ed25519 signature of the workstation are in the .manifest.json beside this file'],
  ];
  rows.forEach((r, i) => {
    const row = ws.addRow(r);
    if (i === 0) row.font = { bold: true };
    row.commit();
  });
  ws.commit();
}

export async function writeXlsx(
  req: ExportRequest,
  sections: readonly Section[],
  placementLabel: string,
  onRow: (rowsDone: number) => void,
  isCancelled: () => boolean,
): Promise<SectionResult[]> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: req.outFile, useStyles: true, useSharedStrings: false });
  streamSheetsThroughZip(wb);
  wb.creator = `CaseDesk (${req.exportedBy.username})`;
  const closed = finished((wb as unknown as { stream: fs.WriteStream }).stream);
  const used = new Set<string>(['about']);
  const results: SectionResult[] = [];
  let done = 0;
  try {
    writeAbout(wb, req, sections, placementLabel);
    for (const s of sections) {
      let part = 1;
      let ws = addSheet(wb, sheetName(s.title, part, used), s);
      let inSheet = 0;
      let n = 0;
      const types = s.columns.map((c) => c.type);
      for (const row of s.rows()) {
        if (inSheet === XLSX_ROWS_PER_SHEET) {
          ws.commit();
          ws = addSheet(wb, sheetName(s.title, ++part, used), s);
          inSheet = 0;
        }
        const r = ws.addRow(row.map((c, k) => cellValue(c, types[k] ?? 'text')));
        for (let k = 0; k < row.length; k++) {
          const c = row[k];
          if (c !== undefined && isMoney(c)) r.getCell(k + 1).numFmt = moneyFormat(c.currency);
        }
        r.commit();
        inSheet++;
        n++;
        if (done % 500 === 0) await drained(ws);
        if (++done % CHECK_EVERY === 0) {
          if (isCancelled()) throw new ExportCancelledError();
          onRow(done);
          await yieldToLoop();
        }
      }
      ws.commit();
      results.push({ title: s.title, rows: n });
    }
    await wb.commit();
    await closed;
    onRow(done);
    return results;
  } catch (err) {
    const stream = (wb as unknown as { stream: fs.WriteStream }).stream;
    stream.destroy();
    await closed.catch(() => undefined);
    throw err;
  }
}
