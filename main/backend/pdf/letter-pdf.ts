/**
 * A letter as PDF, laid out for a window envelope: the agency's letterhead (name, postal address,
 * phone) at the top, the recipient's name and postal address below it on the left, the date in the
 * letter's locale on the right, then the body and a footer with the case reference. A draft carries
 * a DRAFT watermark on every page. Text is drawn as text (never interpreted), so template content
 * cannot inject anything into the file.
 */
import PDFDocument from 'pdfkit';
import { addressLines } from '../../../common/domain/letters/address';
import { formatLetterDate, type LetterLocale } from '../../../common/domain/letters/dates';
import { findCjkFont } from './fonts';

export interface LetterPdfInput {
  title: string;
  agency: { name: string; phone: string; address: string };
  locale: LetterLocale;
  /** ISO date the letter is dated. */
  date: string;
  recipient: { name: string; address: string };
  subject: string;
  body: string;
  footer: string;
  privateAndConfidential: boolean;
  draft: boolean;
}

const PRIVATE = /private\s*(?:and|&)\s*confidential|私密(?:且|及|与|和)?保密/iu;

/** DRAFT across the page, under the text; the cursor is left where the text flow had it. */
function watermark(doc: PDFKit.PDFDocument): void {
  const { width, height } = doc.page;
  const { x, y } = doc;
  // The font size is not part of the graphics state save() keeps.
  const size = (doc as unknown as { _fontSize: number })._fontSize;
  doc.save();
  doc.rotate(-35, { origin: [width / 2, height / 2] });
  doc.fontSize(110).fillColor('#d33').fillOpacity(0.16);
  doc.text('DRAFT', 0, height / 2 - 60, { width, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillOpacity(1).fillColor('#000').fontSize(size);
  doc.x = x;
  doc.y = y;
}

export function renderLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  const font = findCjkFont();
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: input.draft ? `DRAFT ${input.title}` : input.title, Author: input.agency.name, Creator: 'CaseDesk' } });
  doc.registerFont('cjk', font.file, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('cjk');
  if (input.draft) {
    doc.on('pageAdded', () => {
      watermark(doc);
      doc.font('cjk');
    });
    watermark(doc);
  }
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  // Letterhead: the agency, its postal address and phone.
  doc.fontSize(15).fillColor('#000').text(input.agency.name, left, doc.page.margins.top, { width });
  doc.fontSize(9).fillColor('#444');
  for (const line of addressLines(input.agency.address)) doc.text(line, { width });
  if (input.agency.phone) doc.text(input.agency.phone, { width });
  doc.moveDown(2);
  // Recipient block on the left, date on the right of the same band.
  const top = doc.y;
  doc.fontSize(10).fillColor('#000');
  if (input.privateAndConfidential && !PRIVATE.test(input.body)) doc.text('PRIVATE AND CONFIDENTIAL', left, doc.y, { width: width * 0.6 }).moveDown(0.3);
  doc.text(input.recipient.name, left, doc.y, { width: width * 0.6 });
  for (const line of addressLines(input.recipient.address)) doc.text(line, left, doc.y, { width: width * 0.6 });
  const afterRecipient = doc.y;
  doc.text(formatLetterDate(input.date, input.locale), left + width * 0.6, top, { width: width * 0.4, align: 'right' });
  doc.x = left;
  doc.y = Math.max(afterRecipient, doc.y);
  doc.moveDown(2);
  if (input.subject) doc.fontSize(12).text(input.subject, left, doc.y, { width }).moveDown(0.5);
  doc.fontSize(10.5).text(input.body, left, doc.y, { width, align: 'left', lineGap: 3 });
  doc.moveDown(2).fontSize(8).fillColor('#666').text(input.footer, left, doc.y, { width });
  doc.end();
  return done;
}
