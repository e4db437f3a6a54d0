// Writes a small two-page PDF of student work with real (selectable) text, using only the
// standard Helvetica font so no font file is embedded. Used by make-demo-media.sh.
import { writeFileSync } from 'node:fs';
import { buildPdf } from './simple-pdf';

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

writeFileSync(
  process.argv[2] ?? 'student-work.pdf',
  buildPdf(pages.flatMap((lines) => ['new page' as const, ...lines.map((text) => [{ text, x: 56, size: 13 }])]), { lineHeight: 16 }),
  'latin1',
);
