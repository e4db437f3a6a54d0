import { buildPdf } from '../format/simple-pdf';
import type { PdfLine } from '../format/simple-pdf';
import type { LeadDashboard } from './dashboard';

export interface ReportNames {
  assessor: (id: string) => string;
  criterion: (id: string) => string;
}

const share = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);
const coefficient = (value: number | null): string => (value === null ? '–' : value.toFixed(3));

/** The calibration report as a PDF: the same figures as the dashboard and the CSV. */
export function dashboardPdf(dashboard: LeadDashboard, names: ReportNames, generatedAt: string, dataFrom: string | null): string {
  const row = (cells: string[], columns: number[], bold = false): PdfLine => cells.map((text, index) => ({ text, x: columns[index]!, size: 9, bold }));
  const heading = (text: string): PdfLine => [{ text, x: 50, size: 13, bold: true }];
  const lines: (PdfLine | 'new page')[] = [
    [{ text: `Calibration report: ${dashboard.credentialTitle}`, x: 50, size: 16, bold: true }],
    [{ text: `Generated ${generatedAt}; data synced ${dataFrom ?? 'never'}.`, x: 50, size: 9 }],
    [
      {
        text: dashboard.rule ? `Qualification rule: at least ${share(dashboard.rule.minExactAgreement)} exact agreement, no criterion more than ${dashboard.rule.maxLevelsOff} level(s) off.` : 'No qualification rule.',
        x: 50,
        size: 9,
      },
    ],
    [],
    heading('Assessors against the master'),
  ];
  const assessorColumns = [50, 220, 260, 320, 390, 450];
  lines.push(row(['Assessor', 'n', 'Exact', 'Adjacent', 'Weighted kappa', 'Flags'], assessorColumns, true));
  for (const assessor of dashboard.assessors) {
    lines.push(row([assessor.displayName, String(assessor.n), share(assessor.exact.value), share(assessor.adjacent.value), coefficient(assessor.weightedKappa.value), assessor.flags.length > 0 ? 'BELOW RULE' : ''], assessorColumns));
  }
  lines.push([], heading('Criteria'));
  const criterionColumns = [50, 260, 300, 360, 430, 500];
  lines.push(row(['Criterion', 'n', 'Exact', 'Adjacent', 'Weighted kappa', 'Alpha (all raters)'], criterionColumns, true));
  for (const criterion of dashboard.perCriterion) {
    lines.push(row([names.criterion(criterion.criterionId).slice(0, 40), String(criterion.n), share(criterion.exact.value), share(criterion.adjacent.value), coefficient(criterion.weightedKappa.value), coefficient(criterion.alpha.value)], criterionColumns));
  }
  lines.push([], heading('Per assessor and criterion'));
  const cellColumns = [50, 200, 400, 440, 500];
  lines.push(row(['Assessor', 'Criterion', 'n', 'Exact', 'Weighted kappa'], cellColumns, true));
  for (const cell of dashboard.cells) {
    lines.push(row([names.assessor(cell.assessorId).slice(0, 28), names.criterion(cell.criterionId).slice(0, 36), String(cell.n), share(cell.exact.value), coefficient(cell.weightedKappa.value)], cellColumns));
  }
  lines.push([], heading('Confusion matrices (master rows, assessor columns)'));
  for (const criterion of dashboard.perCriterion) {
    const levels = dashboard.criteria.find((item) => item.id === criterion.criterionId)?.levels ?? [];
    lines.push([{ text: names.criterion(criterion.criterionId), x: 50, size: 10, bold: true }]);
    lines.push(row(['', ...levels.map(String)], [50, ...levels.map((_, index) => 110 + index * 40)], true));
    criterion.confusion.forEach((counts, index) => lines.push(row([`Master ${levels[index]}`, ...counts.map(String)], [50, ...counts.map((_, column) => 110 + column * 40)])));
  }
  lines.push([], heading('Agreement by week'));
  lines.push(row(['Week of', 'n', 'Exact', 'Adjacent'], [50, 150, 200, 270], true));
  for (const week of dashboard.weeks) lines.push(row([week.weekStart, String(week.n), share(week.exact), share(week.adjacent)], [50, 150, 200, 270]));
  return buildPdf(lines);
}
