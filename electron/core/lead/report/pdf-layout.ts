import PDFDocument from 'pdfkit';

// Page layout for core's PDF reports, on pdfkit: headings and paragraphs that flow, tables whose
// cells wrap inside their column (each row as tall as its tallest cell, the header repeated on a new
// page) so nothing overlaps, simple vector charts, and page numbers written once all pages exist.

const fontSize = { body: 9, table: 8.5, small: 7.5, heading: 13, title: 17 };
const pad = 3;
const ink = '#1b1f24';
const muted = '#57606a';
const line = '#c8ced6';

/**
 * What the standard PDF fonts can show (Windows-1252): the narrow spaces Intl puts in times and
 * numbers become spaces, a minus sign a hyphen, anything else outside the set a question mark.
 */
export function pdfText(text: string): string {
  const extras = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
  return text
    .replace(/[\u202f\u2009\u2007\u00a0]/g, ' ')
    .replace(/\u2212/g, '-')
    .replace(/≥/g, '>=')
    .replace(/≤/g, '<=')
    .replace(/[^\t\n\r\u0020-\u00ff]/gu, (char) => (extras.includes(char) ? char : '?'));
}

export interface Column {
  title: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export class ReportWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(info: { title: string; author: string }) {
    this.doc = new PDFDocument({ size: 'A4', margins: { top: 48, bottom: 56, left: 48, right: 48 }, bufferPages: true, info: { Title: pdfText(info.title), Author: pdfText(info.author) } });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.fillColor(ink).font('Helvetica').fontSize(fontSize.body);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page when fewer than `height` points are left on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  title(text: string): void {
    this.doc.font('Helvetica-Bold').fontSize(fontSize.title).fillColor(ink).text(pdfText(text), this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  /** A section heading, kept with at least `keepWith` points of what follows it. */
  heading(text: string, keepWith = 60): void {
    this.doc.font('Helvetica-Bold').fontSize(fontSize.heading);
    this.ensureSpace(this.doc.heightOfString(pdfText(text), { width: this.width }) + keepWith);
    this.doc.moveDown(0.6);
    this.doc.fillColor(ink).text(pdfText(text), this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.25);
  }

  paragraph(text: string, options: { small?: boolean; muted?: boolean; bold?: boolean } = {}): void {
    this.doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(options.small ? fontSize.small : fontSize.body);
    const shown = pdfText(text);
    this.ensureSpace(this.doc.heightOfString(shown, { width: this.width }));
    this.doc.fillColor(options.muted ? muted : ink).text(shown, this.left, this.doc.y, { width: this.width });
    this.doc.fillColor(ink);
  }

  /** A table: every cell wraps in its column; a row that does not fit starts a page, under the header again. */
  table(columns: Column[], rows: string[][], options: { emphasise?: (row: number) => boolean } = {}): void {
    const widths = columns.map((column) => column.width * this.width);
    const cellHeight = (cells: string[], bold: boolean): number => {
      this.doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize.table);
      return Math.max(...cells.map((cell, index) => this.doc.heightOfString(pdfText(cell) || ' ', { width: widths[index]! - 2 * pad }))) + 2 * pad;
    };
    const drawRow = (cells: string[], bold: boolean, shade: string | null): void => {
      const height = cellHeight(cells, bold);
      const top = this.doc.y;
      let x = this.left;
      if (shade) this.doc.rect(this.left, top, this.width, height).fill(shade);
      this.doc.fillColor(ink).font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize.table);
      cells.forEach((cell, index) => {
        this.doc.text(pdfText(cell), x + pad, top + pad, { width: widths[index]! - 2 * pad, align: columns[index]!.align ?? 'left' });
        x += widths[index]!;
      });
      this.doc.moveTo(this.left, top + height).lineTo(this.left + this.width, top + height).lineWidth(0.5).strokeColor(line).stroke();
      this.doc.x = this.left;
      this.doc.y = top + height;
    };
    const header = columns.map((column) => column.title);
    this.ensureSpace(cellHeight(header, true) + (rows[0] ? cellHeight(rows[0], false) : 0));
    drawRow(header, true, '#eef1f4');
    rows.forEach((row, index) => {
      if (this.doc.y + cellHeight(row, false) > this.bottom) {
        this.doc.addPage();
        drawRow(header, true, '#eef1f4');
      }
      drawRow(row, false, options.emphasise?.(index) ? '#fff1e5' : null);
    });
    this.doc.moveDown(0.5);
  }

  /** Reserves a block of `height` points for a drawing (on a new page if needed) and returns its top. */
  block(height: number): number {
    this.ensureSpace(height);
    const top = this.doc.y;
    this.doc.y = top + height;
    return top;
  }

  /** Writes small text at a position without moving the flow (chart labels). */
  label(text: string, x: number, y: number, options: { width: number; align?: 'left' | 'right' | 'center'; color?: string; size?: number }): void {
    // pdfkit's text() moves the flow to below what it wrote: put it back, or what follows a drawing
    // starts inside it (a confusion matrix's title once sat on the previous matrix's last row).
    const { x: flowX, y: flowY } = this.doc;
    this.doc
      .font('Helvetica')
      .fontSize(options.size ?? fontSize.small)
      .fillColor(options.color ?? muted)
      .text(pdfText(text), x, y, { width: options.width, align: options.align ?? 'left', lineBreak: false, ellipsis: true });
    this.doc.fillColor(ink);
    this.doc.x = flowX;
    this.doc.y = flowY;
  }

  /** Page numbers (and a line of context) on every page, then the finished file. */
  finish(footer: (page: number, pages: number) => string): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let index = 0; index < range.count; index++) {
      this.doc.switchToPage(range.start + index);
      const margin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0; // writing in the margin must not start another page
      this.label(footer(index + 1, range.count), this.left, this.doc.page.height - margin + 18, { width: this.width, align: 'center' });
      this.doc.page.margins.bottom = margin;
    }
    this.doc.end();
    return this.done;
  }
}
