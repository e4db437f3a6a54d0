import { describe, expect, it } from 'vitest';
import { computeDashboard, dashboardCsv, weekStart } from '../../shared/quality/dashboard';
import type { DashboardRating } from '../../shared/quality/dashboard';
import { krippendorffAlpha } from '../../shared/statistics';

const week1 = '2026-11-03T10:00:00.000Z'; // a Tuesday
const week2 = '2026-11-10T10:00:00.000Z';
const rating = (assessorId: string, submissionId: string, masterLevel: number, level: number, at: string): DashboardRating => ({ assessorId, submissionId, criterionId: 'c1', level, masterLevel, at });
const ratings = [
  rating('a', 's1', 2, 2, week1),
  rating('a', 's2', 3, 3, week1),
  rating('a', 's3', 1, 2, week1),
  rating('a', 's4', 4, 4, week1),
  rating('b', 's1', 2, 3, week2),
  rating('b', 's2', 3, 1, week2),
  rating('b', 's3', 1, 1, week2),
  rating('b', 's4', 4, 4, week2),
];
const dashboard = computeDashboard({
  credentialId: 'cred',
  credentialTitle: 'Credit scores',
  rule: { minExactAgreement: 0.8, maxLevelsOff: 1 },
  criteria: [
    { id: 'c1', title: 'Context', levels: [1, 2, 3, 4] },
    { id: 'c2', title: 'Objectives', levels: [1, 2, 3, 4] },
  ],
  assessors: [
    { id: 'a', displayName: 'Assessor A' },
    { id: 'b', displayName: 'Assessor B' },
    { id: 'c', displayName: 'Never scored' },
  ],
  ratings,
});

describe('lead dashboard figures (checked by hand)', () => {
  it('gives each assessor exact and adjacent agreement and quadratic-weighted kappa against the master', () => {
    const [a, b] = dashboard.assessors;
    expect(dashboard.assessors.map((row) => row.id)).toEqual(['a', 'b']);
    expect(a).toMatchObject({ n: 4, exact: { value: 0.75 }, adjacent: { value: 1 }, maxLevelsOff: 1 });
    // Disagreement (i−j)²/9: observed 1/36, expected 2/9 from the marginals, so κw = 1 − 1/8.
    expect(a!.weightedKappa.value).toBeCloseTo(0.875, 12);
    expect(b).toMatchObject({ n: 4, exact: { value: 0.5 }, adjacent: { value: 0.75 }, maxLevelsOff: 2 });
  });

  it('flags assessors below the rule, with the reason', () => {
    expect(dashboard.assessors.map((row) => [row.id, row.flags])).toEqual([
      ['a', ['below_exact_agreement']],
      ['b', ['below_exact_agreement', 'too_far_off']],
    ]);
  });

  it('builds the master × assessor confusion matrix over the full scale, and alpha across all raters', () => {
    const c1 = dashboard.perCriterion.find((row) => row.criterionId === 'c1')!;
    expect(c1.confusion).toEqual([
      [1, 1, 0, 0],
      [0, 1, 1, 0],
      [1, 0, 1, 0],
      [0, 0, 0, 2],
    ]);
    expect(c1).toMatchObject({ n: 8, exact: { value: 5 / 8 }, adjacent: { value: 7 / 8 } });
    expect(c1.alpha.value).toBeCloseTo(krippendorffAlpha([[2, 3], [3, 1], [2, 1], [4, 4]], { level: 'ordinal' }).value!, 12);
    const c2 = dashboard.perCriterion.find((row) => row.criterionId === 'c2')!;
    expect(c2).toMatchObject({ n: 0, exact: { value: null }, alpha: { value: null } });
    expect(c2.exact.reason).toBeTruthy();
  });

  it('tracks agreement week by week (weeks start on Monday)', () => {
    expect(weekStart(week1)).toBe('2026-11-02');
    expect(dashboard.weeks).toEqual([
      { weekStart: '2026-11-02', n: 4, exact: 0.75, adjacent: 1 },
      { weekStart: '2026-11-09', n: 4, exact: 0.5, adjacent: 0.75 },
    ]);
  });

  it('exports the same figures as CSV, quoting what needs quoting', () => {
    const csv = dashboardCsv(dashboard, { assessor: (id) => (id === 'a' ? 'Assessor, "A"' : id), criterion: (id) => id });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'section,assessor,criterion,week,n,exact_agreement,adjacent_agreement,weighted_kappa,krippendorff_alpha,flags,master_evidence_cited,severity_levels,severity_se_levels,infit,outfit,master_level,assessor_level,count',
    );
    const empty = ',,,,,,,'; // the severity and confusion columns
    expect(lines).toContain(`assessor,Assessor A,,,4,0.75,1,0.875,,below_exact_agreement,${empty}`);
    expect(lines).toContain(`assessor_criterion,"Assessor, ""A""",c1,,4,0.75,1,0.875,,,${empty}`);
    expect(lines).toContain(`week,,,2026-11-09,4,0.5,0.75,,,,${empty}`);
    // Each criterion's confusion matrix, a row per master level × assessor level.
    const c1 = dashboard.perCriterion.find((row) => row.criterionId === 'c1')!;
    const matrix = lines.filter((line) => line.startsWith('confusion,,c1,'));
    expect(matrix).toHaveLength(c1.confusion.flat().length);
    expect(matrix.map((line) => Number(line.split(',').at(-1))).reduce((sum, count) => sum + count, 0)).toBe(c1.confusion.flat().reduce((sum, count) => sum + count, 0));
    expect(new Set(lines.map((line) => line.replace(/"[^"]*"/g, '').split(',').length))).toEqual(new Set([18])); // every row as wide as the header
  });

  it('keeps a name that looks like a spreadsheet formula as text', () => {
    const csv = dashboardCsv(dashboard, { assessor: (id) => (id === 'a' ? '=HYPERLINK("http://x","y")' : '-2+3'), criterion: (id) => `@${id}` });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toContain(`assessor_criterion,"'=HYPERLINK(""http://x"",""y"")",'@c1,,4,0.75,1,0.875,,,,,,,,,,`);
    expect(lines.filter((line) => line.startsWith('assessor_criterion,')).every((line) => /^assessor_criterion,"?'/.test(line))).toBe(true);
  });
});

describe('rater severity on the dashboard', () => {
  it('fits every assessor who rated, overall and week by week, harsher raters positive', () => {
    // Two assessors score the same 60 submissions on two criteria; "h" gives one level less where it can.
    const both: DashboardRating[] = [];
    for (let s = 0; s < 60; s++) {
      for (const criterionId of ['c1', 'c2']) {
        const level = 1 + ((s * 7 + (criterionId === 'c2' ? 3 : 0)) % 4);
        both.push({ assessorId: 'l', submissionId: `s${s}`, criterionId, level, masterLevel: null, at: s < 30 ? week1 : week2 });
        both.push({ assessorId: 'h', submissionId: `s${s}`, criterionId, level: Math.max(1, level - 1), masterLevel: null, at: s < 30 ? week1 : week2 });
      }
    }
    const withSeverity = computeDashboard({
      credentialId: 'cred',
      credentialTitle: 'Credit scores',
      rule: null,
      criteria: [
        { id: 'c1', title: 'Context', levels: [1, 2, 3, 4] },
        { id: 'c2', title: 'Objectives', levels: [1, 2, 3, 4] },
      ],
      assessors: [
        { id: 'l', displayName: 'Lenient' },
        { id: 'h', displayName: 'Harsh' },
      ],
      ratings: both,
    });
    const severity = withSeverity.severity!;
    const of = (id: string) => severity.raters.find((rater) => rater.id === id)!;
    expect(of('h').severity).toBeGreaterThan(0.3);
    expect(of('h').severity + of('l').severity).toBeCloseTo(0, 6);
    expect(of('h').n).toBe(120);
    // In levels, about the three-quarters of a level "h" takes off (no less than 1 is possible).
    expect((of('h').severity - of('l').severity) * severity.levelsPerLogit).toBeGreaterThan(0.4);
    expect(severity.weeks.map((week) => week.weekStart)).toEqual(['2026-11-02', '2026-11-09']);
    for (const week of severity.weeks) expect(week.raters.find((rater) => rater.id === 'h')!.severity).toBeGreaterThan(0.3);
    // The CSV carries it too, in rubric levels, with its uncertainty and fit.
    const csv = dashboardCsv(withSeverity, { assessor: (id) => id, criterion: (id) => id }).trimEnd().split('\r\n');
    const harsh = csv.find((line) => line.startsWith('severity,h,'))!.split(',');
    expect(Number(harsh[11])).toBeCloseTo(of('h').severity * severity.levelsPerLogit, 3);
    expect(Number(harsh[12])).toBeCloseTo(of('h').se * severity.levelsPerLogit, 3);
    expect(Number(harsh[13])).toBeCloseTo(of('h').infit, 3);
    expect(Number(harsh[14])).toBeCloseTo(of('h').outfit, 3);
  });

  it('has no severity with a single assessor', () => {
    expect(computeDashboard({ credentialId: 'x', credentialTitle: 'x', rule: null, criteria: [{ id: 'c1', title: 'C', levels: [1, 2, 3] }], assessors: [], ratings: [rating('a', 's1', 2, 2, week1)] }).severity).toBeNull();
  });
});

describe('severity between refreshes', () => {
  it('reuses the fit while the ratings are the same, and fits again when one changes', () => {
    const input = (level: number) => ({
      credentialId: 'cred',
      credentialTitle: 'Credit scores',
      rule: null,
      criteria: [{ id: 'c1', title: 'Context', levels: [1, 2, 3, 4] }],
      assessors: [],
      ratings: [rating('a', 's1', 2, 2, week1), rating('b', 's1', 2, level, week1), rating('a', 's2', 3, 3, week1), rating('b', 's2', 3, 2, week1)],
    });
    const memo = new Map();
    const first = computeDashboard({ ...input(1), severityMemo: memo }).severity;
    expect(computeDashboard({ ...input(1), severityMemo: memo }).severity).toBe(first); // the same object: not refitted
    const changed = computeDashboard({ ...input(3), severityMemo: memo }).severity;
    expect(changed).not.toBe(first);
    expect(changed).toEqual(computeDashboard(input(3)).severity);
    expect(memo.size).toBe(2);
  });
});
