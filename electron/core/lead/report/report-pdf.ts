import type { LeadDashboard } from '../../../../shared/quality/dashboard';
import type { Lockout } from '../../../../shared/hosted-api/quality';
import type { Referral } from '../../../../shared/hosted-api/referrals';
import { reportWords } from '../../../../shared/quality/report-words';
import type { ReportLocale, ReportWords } from '../../../../shared/quality/report-words';
import { ReportWriter } from './pdf-layout';
import { fewPairs } from '../../../../shared/quality/dashboard';
import { readSeverity } from '../../../../shared/quality/severity-reading';

// The calibration report as a PDF, in the lead's language and time zone: the dashboard's figures as
// tables that never overlap, its charts (agreement by week, severity, confusion matrices), local
// dates and page numbers. Written with pdfkit in core (the desktop and the preview get the same file).

/** Below this many pairs a figure is marked (as on the dashboard). */

export interface ReportInput {
  dashboard: LeadDashboard;
  assessorName: (id: string) => string;
  fetchedAt: string | null;
  /** This micro-credential's lockouts now or lately, and the referrals of its submissions, as last synced. */
  lockouts: readonly Lockout[];
  referrals: readonly Referral[];
  generatedAt: Date;
  locale: ReportLocale;
  timeZone: string;
}

interface Formats {
  words: ReportWords;
  when: (iso: string) => string;
  day: (date: string) => string;
  percent: (value: number | null) => string;
  coefficient: (value: number | null) => string;
  levels: (value: number) => string;
}

function formatsFor(input: ReportInput): Formats {
  const { locale, timeZone } = input;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }); // a week's Monday is a calendar day
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const coefficient = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const levels = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    words: reportWords[locale],
    when: (iso) => when.format(new Date(iso)),
    day: (date) => day.format(new Date(`${date}T00:00:00Z`)),
    percent: (value) => (value === null ? '–' : percent.format(value)),
    coefficient: (value) => (value === null ? '–' : coefficient.format(value)),
    levels: (value) => levels.format(value),
  };
}

export function reportPdf(input: ReportInput): Promise<Buffer> {
  const { dashboard } = input;
  const format = formatsFor(input);
  const { words } = format;
  const writer = new ReportWriter({ title: words.title(dashboard.credentialTitle), author: 'Assessor Workstation' });
  writer.title(words.title(dashboard.credentialTitle));
  writer.paragraph(words.generated(format.when(input.generatedAt.toISOString()), input.fetchedAt ? format.when(input.fetchedAt) : words.never), { muted: true });
  writer.paragraph(dashboard.rule ? words.rule(format.percent(dashboard.rule.minExactAgreement), dashboard.rule.maxLevelsOff) : words.noRule, { muted: true });

  const pairs = (n: number): string => (n < fewPairs ? `${n} (${words.fewPairs(n)})` : String(n));
  writer.heading(words.assessorsTitle);
  writer.table(
    [
      { title: words.assessor, width: 0.24 },
      { title: 'n', width: 0.1, align: 'right' },
      { title: words.exact, width: 0.1, align: 'right' },
      { title: words.adjacent, width: 0.11, align: 'right' },
      { title: words.kappa, width: 0.11, align: 'right' },
      { title: words.flags, width: 0.19 },
      { title: words.evidence, width: 0.15, align: 'right' },
    ],
    dashboard.assessors.map((row) => [
      row.displayName,
      pairs(row.n),
      format.percent(row.exact.value),
      format.percent(row.adjacent.value),
      format.coefficient(row.weightedKappa.value),
      row.flags.map((flag) => (flag === 'below_exact_agreement' ? words.belowRule : words.tooFarOff(dashboard.rule?.maxLevelsOff ?? 0))).join('; '),
      row.evidence.master === 0 ? '–' : `${format.percent(row.evidence.cited / row.evidence.master)} (${row.evidence.cited}/${row.evidence.master})`,
    ]),
    { emphasise: (index) => dashboard.assessors[index]!.flags.length > 0 },
  );

  if (dashboard.severity) severitySection(writer, dashboard.severity, input, format);

  writer.heading(words.criteriaTitle);
  writer.table(
    [
      { title: words.criterion, width: 0.36 },
      { title: 'n', width: 0.12, align: 'right' },
      { title: words.exact, width: 0.1, align: 'right' },
      { title: words.adjacent, width: 0.14, align: 'right' },
      { title: words.kappa, width: 0.13, align: 'right' },
      { title: words.alpha, width: 0.15, align: 'right' },
    ],
    dashboard.perCriterion.map((row) => [
      dashboard.criteria.find((criterion) => criterion.id === row.criterionId)?.title ?? row.criterionId,
      pairs(row.n),
      format.percent(row.exact.value),
      format.percent(row.adjacent.value),
      format.coefficient(row.weightedKappa.value),
      format.coefficient(row.alpha.value),
    ]),
  );

  lockoutsSection(writer, input, format);
  referralsSection(writer, input, format);
  weeksSection(writer, dashboard, format);
  confusionSection(writer, dashboard, format);
  return writer.finish((page, pages) => `${words.page(page, pages)} · ${dashboard.credentialTitle} · ${format.when(input.generatedAt.toISOString())}`);
}

type Severity = NonNullable<LeadDashboard['severity']>;

function severitySection(writer: ReportWriter, severity: Severity, input: ReportInput, format: Formats): void {
  const { words } = format;
  const perLogit = severity.levelsPerLogit;
  const inWords = (rater: Severity['raters'][number]): string => {
    const reading = readSeverity(rater.severity * perLogit, rater.se * perLogit);
    if (reading.kind === 'unknown') return words.unknown;
    if (reading.kind === 'average') return words.average;
    return words[reading.kind](format.levels(reading.levels), reading.clear);
  };
  writer.heading(words.severityTitle, 120);
  writer.paragraph(words.severityExplain, { small: true, muted: true });
  writer.table(
    [
      { title: words.assessor, width: 0.3 },
      { title: 'n', width: 0.1, align: 'right' },
      { title: words.severity, width: 0.3 },
      { title: words.uncertainty, width: 0.1, align: 'right' },
      { title: words.fit, width: 0.2, align: 'right' },
    ],
    severity.raters.map((rater) => [
      input.assessorName(rater.id),
      String(rater.n),
      inWords(rater),
      Number.isFinite(rater.se) ? format.levels(rater.se * perLogit) : '–',
      `${format.levels(rater.infit)} / ${format.levels(rater.outfit)}`,
    ]),
  );
  // Bars from the average (0) in rubric levels, with ± lines; names on the left.
  const rowHeight = 14;
  const top = writer.block(34 + severity.raters.length * rowHeight); // the rows, then the axis's figures under them
  const { doc } = writer;
  const nameWidth = writer.width * 0.28;
  const plotLeft = writer.left + nameWidth + 6;
  const plotWidth = writer.width - nameWidth - 6;
  const extent = Math.max(0.5, ...severity.raters.filter((rater) => Number.isFinite(rater.se)).map((rater) => Math.abs(rater.severity * perLogit) + rater.se * perLogit));
  const xOf = (levels: number): number => plotLeft + plotWidth / 2 + (levels / extent) * (plotWidth / 2);
  writer.label(words.severityChart, writer.left, top, { width: writer.width });
  doc.moveTo(xOf(0), top + 14).lineTo(xOf(0), top + 18 + severity.raters.length * rowHeight).lineWidth(0.8).strokeColor('#57606a').stroke();
  severity.raters.forEach((rater, index) => {
    const y = top + 18 + index * rowHeight;
    const levels = rater.severity * perLogit;
    writer.label(input.assessorName(rater.id), writer.left, y + 2, { width: nameWidth, align: 'right', color: '#1b1f24' });
    doc.rect(Math.min(xOf(0), xOf(levels)), y + 2, Math.abs(xOf(levels) - xOf(0)), rowHeight - 5).fill(levels > 0 ? '#9a3412' : '#0b5cad');
    if (Number.isFinite(rater.se)) {
      const middle = y + rowHeight / 2;
      doc.moveTo(xOf(levels - rater.se * perLogit), middle).lineTo(xOf(levels + rater.se * perLogit), middle).lineWidth(0.8).strokeColor('#1b1f24').stroke();
    }
  });
  writer.label(`-${format.levels(extent)}`, plotLeft, top + 20 + severity.raters.length * rowHeight, { width: 40 });
  writer.label(`+${format.levels(extent)}`, plotLeft + plotWidth - 40, top + 20 + severity.raters.length * rowHeight, { width: 40, align: 'right' });
}

function lockoutsSection(writer: ReportWriter, input: ReportInput, format: Formats): void {
  const { words } = format;
  writer.heading(words.lockoutsTitle);
  if (input.lockouts.length === 0) return writer.paragraph(words.lockoutsNone, { muted: true });
  writer.table(
    [
      { title: words.assessor, width: 0.22 },
      { title: words.since, width: 0.18 },
      { title: words.why, width: 0.36 },
      { title: words.state, width: 0.24 },
    ],
    input.lockouts.map((lockout) => [
      input.assessorName(lockout.accountId),
      format.when(lockout.since),
      (lockout.trigger === 'gold' ? words.lockoutGold : words.lockoutBackread)(format.percent(lockout.figure), format.percent(lockout.threshold), lockout.window),
      lockout.lifted ? words.lockoutLifted(format.when(lockout.lifted.at), lockout.lifted.how) : words.lockoutActive(lockout.recalibration.scoredItems, lockout.recalibration.requiredItems),
    ]),
    { emphasise: (index) => !input.lockouts[index]!.lifted },
  );
}

function referralsSection(writer: ReportWriter, input: ReportInput, format: Formats): void {
  const { words } = format;
  writer.heading(words.referralsTitle);
  if (input.referrals.length === 0) return writer.paragraph(words.referralsNone, { muted: true });
  writer.table(
    [
      { title: words.submission, width: 0.18 },
      { title: words.assessor, width: 0.2 },
      { title: words.reason, width: 0.3 },
      { title: words.asked, width: 0.18 },
      { title: words.state, width: 0.14 },
    ],
    input.referrals.map((referral) => [referral.label, referral.assessor.displayName, words.reasons[referral.reason], format.when(referral.createdAt), referral.state === 'open' ? words.referralOpen : words.referralAnswered]),
    { emphasise: (index) => input.referrals[index]!.state === 'open' },
  );
}

function weeksSection(writer: ReportWriter, dashboard: LeadDashboard, format: Formats): void {
  const { words } = format;
  writer.heading(words.weeksTitle, 200);
  const { doc } = writer;
  const height = 150;
  const top = writer.block(height + 40);
  const axisLeft = writer.left + 34;
  const plotWidth = writer.width - 40;
  writer.label(words.weeksChart, writer.left, top, { width: writer.width });
  const plotTop = top + 16;
  const yOf = (share: number): number => plotTop + height - share * height;
  for (const share of [0, 0.25, 0.5, 0.75, 1]) {
    doc.moveTo(axisLeft, yOf(share)).lineTo(axisLeft + plotWidth, yOf(share)).lineWidth(0.4).strokeColor('#d0d7de').stroke();
    writer.label(format.percent(share), writer.left, yOf(share) - 4, { width: 30, align: 'right' });
  }
  const weeks = dashboard.weeks;
  const xOf = (index: number): number => (weeks.length === 1 ? axisLeft + plotWidth / 2 : axisLeft + 8 + (index / (weeks.length - 1)) * (plotWidth - 16));
  const series = (pick: (week: LeadDashboard['weeks'][number]) => number | null, color: string, dashed: boolean): void => {
    const points = weeks.map((week, index) => ({ x: xOf(index), value: pick(week) })).filter((point): point is { x: number; value: number } => point.value !== null);
    points.forEach((point, index) => {
      if (index > 0) {
        const previous = points[index - 1]!;
        doc.moveTo(previous.x, yOf(previous.value)).lineTo(point.x, yOf(point.value)).lineWidth(1.2).strokeColor(color);
        if (dashed) doc.dash(3, { space: 2 });
        doc.stroke().undash();
      }
      doc.circle(point.x, yOf(point.value), 2.2).fill(color);
    });
  };
  series((week) => week.adjacent, '#57606a', true);
  series((week) => week.exact, '#0b5cad', false);
  // A date under every week that has room for one.
  const every = Math.max(1, Math.ceil(weeks.length / Math.floor(plotWidth / 60)));
  weeks.forEach((week, index) => {
    if (index % every === 0) writer.label(format.day(week.weekStart), xOf(index) - 30, plotTop + height + 4, { width: 60, align: 'center' });
  });
  doc.x = writer.left;
  doc.y = plotTop + height + 20;
  writer.table(
    [
      { title: words.weekOf, width: 0.4 },
      { title: 'n', width: 0.2, align: 'right' },
      { title: words.exact, width: 0.2, align: 'right' },
      { title: words.adjacent, width: 0.2, align: 'right' },
    ],
    weeks.map((week) => [format.day(week.weekStart), String(week.n), format.percent(week.exact), format.percent(week.adjacent)]),
  );
}

function confusionSection(writer: ReportWriter, dashboard: LeadDashboard, format: Formats): void {
  const { words } = format;
  writer.heading(words.confusionTitle);
  writer.paragraph(words.confusionExplain, { small: true, muted: true });
  const { doc } = writer;
  const cell = 26;
  for (const row of dashboard.perCriterion) {
    const criterion = dashboard.criteria.find((item) => item.id === row.criterionId);
    if (!criterion) continue;
    const levels = criterion.levels;
    const top = writer.block(22 + (levels.length + 1) * cell + 16);
    writer.label(criterion.title, writer.left, top + 2, { width: writer.width, color: '#1b1f24', size: 9 });
    const gridLeft = writer.left + 70;
    const gridTop = top + 16;
    const max = Math.max(1, ...row.confusion.flat());
    levels.forEach((level, index) => {
      writer.label(String(level), gridLeft + index * cell, gridTop + 8, { width: cell, align: 'center' });
      writer.label(`${words.master} ${level}`, writer.left, gridTop + (index + 1) * cell + 8, { width: 66, align: 'right' });
    });
    // (Its labels leave the flow where block() put it: after the matrix.)
    row.confusion.forEach((counts, masterIndex) => {
      counts.forEach((count, index) => {
        const x = gridLeft + index * cell;
        const y = gridTop + (masterIndex + 1) * cell;
        const shade = Math.round(245 - (count / max) * 150);
        doc.rect(x, y, cell - 2, cell - 2).fill([shade, Math.min(255, shade + 5), 255]);
        // Dark cells get light figures, so every count reads.
        writer.label(String(count), x, y + 8, { width: cell - 2, align: 'center', color: shade < 175 ? '#ffffff' : masterIndex === index ? '#1b1f24' : '#57606a' });
      });
    });
    doc.x = writer.left;
  }
}
