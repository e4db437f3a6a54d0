// A tiny PDF 1.4 writer, used only to make the demo workspace's sample student-work PDF (tests/tools):
// standard Helvetica (nothing embedded), selectable text. The lead's report is written with pdfkit in core.

export interface PdfText {
  text: string;
  /** Points from the left edge of the page. */
  x: number;
  size?: number;
  bold?: boolean;
}

/** One line of a page: texts at their x positions, all on the same baseline. */
export type PdfLine = PdfText[];

const pageWidth = 612;
const pageHeight = 792;
const margin = 50;

/** WinAnsi has curly quotes, dashes and the ellipsis; anything else outside Latin-1 becomes "?". */
const winAnsi: Record<string, number> = { '\u2018': 0x91, '\u2019': 0x92, '\u201c': 0x93, '\u201d': 0x94, '\u2022': 0x95, '\u2013': 0x96, '\u2014': 0x97, '\u2026': 0x85, '\u20ac': 0x80 };
function encode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const mapped = winAnsi[char] ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : 0x3f);
    const byte = String.fromCharCode(mapped);
    out += byte === '\\' || byte === '(' || byte === ')' ? `\\${byte}` : byte;
  }
  return out;
}

/** Lays lines out top to bottom, starting a new page when one is full or when asked ('new page'). */
export function buildPdf(lines: (PdfLine | 'new page')[], options: { lineHeight?: number } = {}): string {
  const lineHeight = options.lineHeight ?? 14;
  const pages: string[][] = [[]];
  let y = pageHeight - margin;
  for (const line of lines) {
    if (line === 'new page') {
      if (pages[pages.length - 1]!.length > 0) pages.push([]);
      y = pageHeight - margin;
      continue;
    }
    const size = Math.max(...line.map((text) => text.size ?? 10), 10);
    const height = Math.max(lineHeight, size * 1.4);
    if (y - height < margin) {
      pages.push([]);
      y = pageHeight - margin;
    }
    y -= height;
    for (const text of line) {
      pages[pages.length - 1]!.push(`BT /${text.bold ? 'F2' : 'F1'} ${text.size ?? 10} Tf ${text.x.toFixed(1)} ${y.toFixed(1)} Td (${encode(text.text)}) Tj ET`);
    }
  }

  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
  const pagesIndex = add('');
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const pageRefs = pages.map((operations) => {
    const stream = operations.join('\n');
    const content = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    return add(`<< /Type /Page /Parent ${pagesIndex} 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${content} 0 R >>`);
  });
  objects[pagesIndex - 1] = `<< /Type /Pages /Kids [${pageRefs.map((ref) => `${ref} 0 R`).join(' ')}] /Count ${pageRefs.length} >>`;

  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}

export const pdfPage = { width: pageWidth, margin };
