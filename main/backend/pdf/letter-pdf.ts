/**
 * A sent letter as PDF: letterhead, recipient block, body, footer with the case reference. Text is
 * drawn as text (never interpreted), so template content cannot inject anything into the file.
 */
import PDFDocument from 'pdfkit';
import { findCjkFont } from './fonts';

export interface LetterPdfInput {
  title: string;
  agencyName: string;
  agencyPhone: string;
  date: string;
  recipient: string;
  subject: string;
  body: string;
  footer: string;
  privateAndConfidential: boolean;
}

export function renderLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  const font = findCjkFont();
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: input.title, Author: input.agencyName, Creator: 'CaseDesk' } });
  doc.registerFont('cjk', font.file, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('cjk');
  doc.fontSize(16).text(input.agencyName);
  doc.fontSize(9).fillColor('#444').text(input.agencyPhone).moveDown(1.5);
  if (input.privateAndConfidential) doc.fontSize(10).fillColor('#000').text('PRIVATE AND CONFIDENTIAL').moveDown(0.5);
  doc.fontSize(10).fillColor('#000').text(input.date, { align: 'right' }).moveDown();
  doc.text(input.recipient).moveDown();
  if (input.subject) doc.fontSize(12).text(input.subject, { underline: false }).moveDown(0.5);
  doc.fontSize(11).text(input.body, { align: 'left', lineGap: 3 });
  doc.moveDown(2).fontSize(8).fillColor('#666').text(input.footer);
  doc.end();
  return done;
}
