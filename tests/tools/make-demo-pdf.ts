// Writes a small two-page PDF of student work with real (selectable) text, using only the
// standard Helvetica font so no font file is embedded. Used by make-demo-media.sh.
import { writeFileSync } from 'node:fs';

const pages: string[][] = [
  [
    'Student work sample - Reading a credit report (Grade 11)',
    '',
    'Task: Read the sample credit report and explain what raises or lowers the score.',
    '',
    '1. Payment history is the biggest part of a FICO score (about 35%).',
    '   One late payment can stay on the report for seven years.',
    '2. Credit utilization: using $900 of a $1,000 limit is 90%, which is too high.',
    '   Keeping it under 30% helps the score.',
    '3. Length of credit history: older accounts help, so closing your first card',
    '   can hurt a little.',
    '',
    'Teacher note: students annotated the report in pairs before writing.',
  ],
  [
    'Exit ticket responses (anonymised)',
    '',
    'A: "I did not know checking your own score does not lower it."',
    'B: "Utilization means how much of your limit you use, not how many cards."',
    'C: "A score of 580 vs 740 changes the interest rate on a car loan a lot."',
    '',
    'Rubric self-check: 4 of 5 students named at least two score factors correctly.',
  ],
];

const escape = (text: string): string => text.replace(/[\\()]/g, (c) => `\\${c}`);
const objects: string[] = [];
const add = (body: string): number => objects.push(body);

const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
const pagesIndex = add('PLACEHOLDER');
const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
const pageRefs: number[] = [];
for (const lines of pages) {
  const stream = ['BT', '/F1 13 Tf', '16 TL', '56 770 Td', ...lines.map((line) => `(${escape(line)}) '`), 'ET'].join('\n');
  const content = add(`<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`);
  pageRefs.push(
    add(`<< /Type /Page /Parent ${pagesIndex} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`),
  );
}
objects[pagesIndex - 1] = `<< /Type /Pages /Kids [${pageRefs.map((n) => `${n} 0 R`).join(' ')}] /Count ${pageRefs.length} >>`;

let pdf = '%PDF-1.4\n';
const offsets: number[] = [];
objects.forEach((body, index) => {
  offsets.push(Buffer.byteLength(pdf));
  pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
});
const xref = Buffer.byteLength(pdf);
pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
writeFileSync(process.argv[2] ?? 'student-work.pdf', pdf, 'latin1');
