// Reading a PDF the way a checker must: where each piece of text sits on its page, and which pieces
// overlap. Two readers: pdf.js (in-process) and poppler's pdftotext -bbox (its own layout engine).
import { execFileSync } from 'node:child_process';

export interface TextBox {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Every text item pdf.js finds, with its box in points (y from the bottom of the page). */
export async function textBoxesByPdfJs(pdf: Buffer): Promise<{ pages: number; boxes: TextBox[]; text: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  const boxes: TextBox[] = [];
  const text: string[] = [];
  for (let page = 1; page <= document.numPages; page++) {
    const content = await (await document.getPage(page)).getTextContent();
    const items = content.items.flatMap((item) => ('str' in item ? [item] : []));
    text.push(items.map((item) => item.str).join(' '));
    for (const item of items) {
      if (item.str.trim() === '') continue;
      const [, , , scaleY, x, y] = item.transform as number[];
      const height = item.height || Math.abs(scaleY!);
      boxes.push({ page, text: item.str, x0: x!, y0: y! - height * 0.2, x1: x! + item.width, y1: y! + height * 0.8 });
    }
  }
  return { pages: document.numPages, boxes, text };
}

/** Every word poppler lays out, with its box in points (y from the top of the page). */
export function textBoxesByPoppler(file: string): TextBox[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const boxes: TextBox[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (word) boxes.push({ page, x0: Number(word[1]), y0: Number(word[2]), x1: Number(word[3]), y1: Number(word[4]), text: word[5]! });
  }
  return boxes;
}

/** Pairs of text boxes on one page that overlap by more than `slack` points both ways. */
export function overlappingText(boxes: readonly TextBox[], slack = 0.5): [TextBox, TextBox][] {
  const found: [TextBox, TextBox][] = [];
  const byPage = new Map<number, TextBox[]>();
  for (const box of boxes) byPage.set(box.page, [...(byPage.get(box.page) ?? []), box]);
  for (const onPage of byPage.values()) {
    for (let i = 0; i < onPage.length; i++) {
      for (let j = i + 1; j < onPage.length; j++) {
        const a = onPage[i]!;
        const b = onPage[j]!;
        const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (across > slack && down > slack) found.push([a, b]);
      }
    }
  }
  return found;
}
