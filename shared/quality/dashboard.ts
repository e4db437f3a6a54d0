import { z } from 'zod';
import { csvDocument } from '../format/csv';
import { allCriteria, Id } from '../domain/rubric';
import type { LeadData } from '../hosted-api/quality';
import { agreementFromMatrix, kappaFromMatrix, krippendorffAlpha, manyFacetRasch, severitiesByGroup } from '../statistics';
import type { RaterObservation } from '../statistics';
import type { Rating, StatisticResult } from '../statistics';

/** Below this many paired readings a figure is shown, and marked to be read with care. */
export const fewPairs = 10;

// The lead's calibration dashboard, computed from synced ratings (pure: core runs it, tests check it).

export const Statistic = z.object({ value: z.number().nullable(), n: z.number().int().min(0), reason: z.string().optional() });

const AgreementFigures = z.object({
  /** Ratings compared with the master. */
  n: z.number().int().min(0),
  exact: Statistic,
  adjacent: Statistic,
  /** Quadratic-weighted kappa against the master, over the criterion's full scale. */
  weightedKappa: Statistic,
});
export type AgreementFigures = z.infer<typeof AgreementFigures>;

const RaterSeverity = z.object({
  id: Id,
  /** Logits, positive = harsher than the average assessor (many-facet Rasch, accounting for who scored what). */
  severity: z.number(),
  se: z.number(),
  infit: z.number(),
  outfit: z.number(),
  /** Ratings it rests on. */
  n: z.number().int().min(0),
});

export const SeverityFigures = z.object({
  /** Rubric levels per logit: severity × this ≈ levels below the average assessor. */
  levelsPerLogit: z.number(),
  converged: z.boolean(),
  raters: z.array(RaterSeverity),
  /** Each assessor's severity week by week, on the same scale (criteria and abilities as found overall), for drift. */
  weeks: z.array(z.object({ weekStart: z.string(), raters: z.array(RaterSeverity.omit({ infit: true, outfit: true })) })),
});
export type SeverityFigures = z.infer<typeof SeverityFigures>;

export const LeadDashboard = z.object({
  credentialId: Id,
  credentialTitle: z.string(),
  rule: z.object({ minExactAgreement: z.number(), maxLevelsOff: z.number().int() }).nullable(),
  /** `labels` name the levels in order ("Proficient"); dashboards stored before they existed have none. */
  criteria: z.array(z.object({ id: Id, title: z.string(), levels: z.array(z.number().int()), labels: z.array(z.string()).default([]) })),
  assessors: z.array(
    AgreementFigures.extend({
      id: Id,
      displayName: z.string(),
      /** Largest distance from the master on any criterion. */
      maxLevelsOff: z.number().int().nullable(),
      flags: z.array(z.enum(['below_exact_agreement', 'too_far_off'])),
      /** Of the moments masters cited for their levels (calibration and gold items), how many this assessor cited too. */
      evidence: z.object({ master: z.number().int().min(0), cited: z.number().int().min(0) }).default({ master: 0, cited: 0 }),
    }),
  ),
  /** Per assessor and criterion. */
  cells: z.array(AgreementFigures.extend({ assessorId: Id, criterionId: Id })),
  perCriterion: z.array(
    AgreementFigures.extend({
      criterionId: Id,
      /** Krippendorff's alpha (ordinal) across every assessor who scored the criterion's units. */
      alpha: Statistic,
      /** Master (rows) against assessors (columns). */
      confusion: z.array(z.array(z.number().int().min(0))),
    }),
  ),
  weeks: z.array(z.object({ weekStart: z.string(), n: z.number().int().min(0), exact: z.number().nullable(), adjacent: z.number().nullable() })),
  /** Null when fewer than two assessors have rated. */
  severity: SeverityFigures.nullable(),
});
export type LeadDashboard = z.infer<typeof LeadDashboard>;

export interface DashboardRating {
  assessorId: string;
  submissionId: string;
  criterionId: string;
  level: number;
  masterLevel: number | null;
  /** How many of the master's cited moments for the criterion the assessor cited too (absent: no master evidence). */
  evidence?: { master: number; cited: number } | null;
  at: string;
}

export interface DashboardInput {
  credentialId: string;
  credentialTitle: string;
  rule: { minExactAgreement: number; maxLevelsOff: number } | null;
  criteria: { id: string; title: string; levels: number[]; labels?: string[] }[];
  assessors: { id: string; displayName: string }[];
  ratings: Iterable<DashboardRating>;
  /**
   * Severities already fitted, by a fingerprint of the ratings they came from: the lead's data is
   * fetched every minute and mostly unchanged, and the fit is the costly part (seconds for a year).
   */
  severityMemo?: SeverityMemo;
}

/** Kept by the caller between computations (core's lead-data worker keeps one). */
export type SeverityMemo = Map<string, SeverityFigures | null>;
const memoLimit = 16;

const toStatistic = (result: StatisticResult): z.infer<typeof Statistic> => (result.reason === undefined ? { value: result.value, n: result.n } : { value: result.value, n: result.n, reason: result.reason });

/** Monday (UTC) of the week an ISO time falls in. */
export function weekStart(iso: string): string {
  const day = new Date(iso);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - ((day.getUTCDay() + 6) % 7))).toISOString().slice(0, 10);
}

/** A master × assessor count table over a scale, filled one rating at a time. */
class Tally {
  readonly counts: number[][];
  n = 0;
  maxOff = 0;
  constructor(private readonly index: Map<number, number>) {
    this.counts = [...index.keys()].map(() => [...index.keys()].map(() => 0));
  }
  add(master: number, level: number): void {
    const i = this.index.get(master);
    const j = this.index.get(level);
    if (i === undefined || j === undefined) return;
    this.counts[i]![j]! += 1;
    this.n += 1;
    this.maxOff = Math.max(this.maxOff, Math.abs(master - level));
  }
}

function figures(tally: Tally, categories: number[]): AgreementFigures {
  return {
    n: tally.n,
    exact: toStatistic(agreementFromMatrix(tally, categories, { tolerance: 0 })),
    adjacent: toStatistic(agreementFromMatrix(tally, categories, { tolerance: 1 })),
    weightedKappa: toStatistic(kappaFromMatrix(tally, 'quadratic')),
  };
}

/**
 * Every figure on the dashboard for one micro-credential: agreement of each assessor with the
 * master (overall and per criterion), per-criterion agreement, confusion matrices and alpha across
 * all raters, agreement by week, and flags for assessors below the qualification rule. Each rating
 * is counted once into tables the figures are derived from, so a year of a large programme
 * (hundreds of thousands of ratings) stays quick.
 */
export function computeDashboard(input: DashboardInput): LeadDashboard {
  const criteria = new Map(input.criteria.map((criterion) => [criterion.id, criterion]));
  const scale = [...new Set(input.criteria.flatMap((criterion) => criterion.levels))].sort((a, b) => a - b);
  const scaleIndex = new Map(scale.map((level, position) => [level, position]));
  const criterionIndex = new Map(input.criteria.map((criterion) => [criterion.id, new Map(criterion.levels.map((level, position) => [level, position]))]));
  const byAssessor = new Map<string, Tally>();
  const byCell = new Map<string, Map<string, Tally>>();
  const byCriterion = new Map(input.criteria.map((criterion) => [criterion.id, new Tally(criterionIndex.get(criterion.id)!)]));
  // For alpha: criterion → unit (submission) → assessor → level (the latest rating wins).
  const units = new Map<string, Map<string, Map<string, number>>>();
  // For severity: every assessor's latest rating of each submission's criterion, and the week it fell in.
  const latest = new Map<string, RaterObservation & { week: string }>();
  const weeks = new Map<string, { n: number; exact: number; adjacent: number }>();
  const weekOfDay = new Map<string, string>();
  const evidenceByAssessor = new Map<string, { master: number; cited: number }>();

  for (const rating of input.ratings) {
    const levels = criterionIndex.get(rating.criterionId);
    if (!levels) continue;
    let criterionUnits = units.get(rating.criterionId);
    if (!criterionUnits) units.set(rating.criterionId, (criterionUnits = new Map<string, Map<string, number>>()));
    let unit = criterionUnits.get(rating.submissionId);
    if (!unit) criterionUnits.set(rating.submissionId, (unit = new Map<string, number>()));
    unit.set(rating.assessorId, rating.level);
    const day = rating.at.slice(0, 10);
    let week = weekOfDay.get(day);
    if (!week) weekOfDay.set(day, (week = weekStart(rating.at)));
    latest.set(`${rating.assessorId}\u0000${rating.submissionId}\u0000${rating.criterionId}`, { submission: rating.submissionId, rater: rating.assessorId, criterion: rating.criterionId, level: rating.level, week });
    if (rating.masterLevel === null) continue;
    if (rating.evidence) {
      const cited = evidenceByAssessor.get(rating.assessorId) ?? { master: 0, cited: 0 };
      evidenceByAssessor.set(rating.assessorId, { master: cited.master + rating.evidence.master, cited: cited.cited + rating.evidence.cited });
    }
    const master = rating.masterLevel;
    let assessorTally = byAssessor.get(rating.assessorId);
    if (!assessorTally) byAssessor.set(rating.assessorId, (assessorTally = new Tally(scaleIndex)));
    assessorTally.add(master, rating.level);
    let cells = byCell.get(rating.assessorId);
    if (!cells) byCell.set(rating.assessorId, (cells = new Map<string, Tally>()));
    let cell = cells.get(rating.criterionId);
    if (!cell) cells.set(rating.criterionId, (cell = new Tally(levels)));
    cell.add(master, rating.level);
    byCriterion.get(rating.criterionId)!.add(master, rating.level);
    const tally = weeks.get(week) ?? { n: 0, exact: 0, adjacent: 0 };
    tally.n += 1;
    if (master === rating.level) tally.exact += 1;
    if (Math.abs(master - rating.level) <= 1) tally.adjacent += 1;
    weeks.set(week, tally);
  }

  const assessors = input.assessors
    .filter((assessor) => byAssessor.has(assessor.id))
    .map((assessor) => {
      const tally = byAssessor.get(assessor.id)!;
      const overall = figures(tally, scale);
      const flags: ('below_exact_agreement' | 'too_far_off')[] = [];
      if (input.rule && overall.exact.value !== null && overall.exact.value < input.rule.minExactAgreement) flags.push('below_exact_agreement');
      if (input.rule && tally.maxOff > input.rule.maxLevelsOff) flags.push('too_far_off');
      return { id: assessor.id, displayName: assessor.displayName, ...overall, maxLevelsOff: tally.maxOff, flags, evidence: evidenceByAssessor.get(assessor.id) ?? { master: 0, cited: 0 } };
    });

  const cells = [...byCell].flatMap(([assessorId, tallies]) =>
    [...tallies].map(([criterionId, tally]) => ({ assessorId, criterionId, ...figures(tally, criteria.get(criterionId)!.levels) })),
  );

  const perCriterion = input.criteria.map((criterion) => {
    const tally = byCriterion.get(criterion.id)!;
    // Alpha looks only at the values within each unit, not at which column holds them: each row is
    // just the unit's ratings (one per assessor), which spares a units × assessors table of blanks.
    const table: Rating[][] = [...(units.get(criterion.id)?.values() ?? [])].map((unit) => [...unit.values()]);
    return {
      criterionId: criterion.id,
      ...figures(tally, criterion.levels),
      alpha: toStatistic(krippendorffAlpha(table, { level: 'ordinal' })),
      confusion: tally.counts,
    };
  });

  return {
    credentialId: input.credentialId,
    credentialTitle: input.credentialTitle,
    rule: input.rule,
    criteria: input.criteria.map((criterion) => ({ ...criterion, labels: criterion.labels ?? [] })),
    assessors,
    cells,
    perCriterion,
    weeks: [...weeks]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([start, week]) => ({ weekStart: start, n: week.n, exact: week.n > 0 ? week.exact / week.n : null, adjacent: week.n > 0 ? week.adjacent / week.n : null })),
    severity: memoizedSeverity([...latest.values()], input.severityMemo),
  };
}

/** FNV-1a over every rating that goes into the fit: equal fingerprints, equal severities. */
function fingerprint(ratings: readonly (RaterObservation & { week: string })[]): string {
  let hash = 0x811c9dc5;
  const mix = (text: string): void => {
    for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  };
  for (const rating of ratings) mix(`${rating.rater}|${rating.submission}|${rating.criterion}|${rating.level}|${rating.week};`);
  return `${ratings.length}:${(hash >>> 0).toString(16)}`;
}

function memoizedSeverity(ratings: (RaterObservation & { week: string })[], memo: SeverityMemo | undefined): SeverityFigures | null {
  if (!memo) return severityOf(ratings);
  const key = fingerprint(ratings);
  if (memo.has(key)) return memo.get(key)!;
  const figures = severityOf(ratings);
  memo.set(key, figures);
  if (memo.size > memoLimit) memo.delete(memo.keys().next().value!);
  return figures;
}

/** Severity over everything, and week by week; null with fewer than two assessors. */
function severityOf(ratings: (RaterObservation & { week: string })[]): SeverityFigures | null {
  // The scale is the levels used, lowest to highest: a level nobody gave says nothing about severity.
  let lowest = Infinity;
  let highest = -Infinity;
  for (const rating of ratings) {
    lowest = Math.min(lowest, rating.level);
    highest = Math.max(highest, rating.level);
  }
  const scale = ratings.length === 0 ? [] : Array.from({ length: highest - lowest + 1 }, (_, index) => lowest + index);
  if (scale.length < 2 || new Set(ratings.map((rating) => rating.rater)).size < 2) return null;
  const fit = manyFacetRasch(ratings, { categories: scale, maxIterations: 200 });
  const weekly = severitiesByGroup(
    ratings.map((rating) => ({ ...rating, group: rating.week })),
    fit,
    scale,
  );
  return {
    levelsPerLogit: fit.levelsPerLogit,
    converged: fit.converged,
    raters: fit.raters.map(({ id, severity, se, infit, outfit, n }) => ({ id, severity, se, infit, outfit, n })),
    weeks: [...weekly].sort(([a], [b]) => a.localeCompare(b)).map(([weekStart, raters]) => ({ weekStart, raters })),
  };
}

/**
 * The dashboard of every micro-credential the lead's data covers, each from its ratings in time
 * order (where an assessor rated a unit twice, the later rating counts).
 */
export function dashboardsOf(data: Pick<LeadData, 'credentials' | 'assessors' | 'rules' | 'ratings'>, severityMemo?: SeverityMemo): LeadDashboard[] {
  const inTimeOrder = [...data.ratings].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return data.credentials.map(({ credential, rubric }) => {
    const qualification = data.rules.find((rule) => rule.credentialId === credential.id)?.qualification ?? null;
    return computeDashboard({
      credentialId: credential.id,
      credentialTitle: credential.title,
      rule: qualification ? { minExactAgreement: qualification.minExactAgreement, maxLevelsOff: qualification.maxLevelsOff } : null,
      criteria: allCriteria(rubric).map((criterion) => ({ id: criterion.id, title: criterion.title, levels: criterion.levels.map((level) => level.level), labels: criterion.levels.map((level) => level.label) })),
      assessors: data.assessors,
      ratings: inTimeOrder.filter((rating) => rating.credentialId === credential.id),
      severityMemo,
    });
  });
}

/** The dashboard as CSV (RFC 4180): one row per assessor and criterion, then per criterion, then per week. */
export function dashboardCsv(dashboard: LeadDashboard, names: { assessor: (id: string) => string; criterion: (id: string) => string }): string {
  // One table for every section; a section leaves the columns it has nothing for empty. Severity is in
  // rubric levels (as on the dashboard); a confusion matrix is one row per master level × assessor level.
  const rows: (string | number | null)[][] = [
    ['section', 'assessor', 'criterion', 'week', 'n', 'exact_agreement', 'adjacent_agreement', 'weighted_kappa', 'krippendorff_alpha', 'flags', 'master_evidence_cited', 'severity_levels', 'severity_se_levels', 'infit', 'outfit', 'master_level', 'assessor_level', 'count'],
  ];
  for (const assessor of dashboard.assessors) {
    const { master, cited } = assessor.evidence;
    rows.push(['assessor', assessor.displayName, '', '', assessor.n, assessor.exact.value, assessor.adjacent.value, assessor.weightedKappa.value, null, assessor.flags.join(' '), master === 0 ? null : cited / master]);
  }
  for (const row of dashboard.cells) {
    rows.push(['assessor_criterion', names.assessor(row.assessorId), names.criterion(row.criterionId), '', row.n, row.exact.value, row.adjacent.value, row.weightedKappa.value, null, '', null]);
  }
  for (const row of dashboard.perCriterion) {
    rows.push(['criterion', '', names.criterion(row.criterionId), '', row.n, row.exact.value, row.adjacent.value, row.weightedKappa.value, row.alpha.value, '', null]);
  }
  for (const week of dashboard.weeks) rows.push(['week', '', '', week.weekStart, week.n, week.exact, week.adjacent, null, null, '', null]);
  const severity = dashboard.severity;
  for (const rater of severity?.raters ?? []) {
    const perLogit = severity!.levelsPerLogit;
    rows.push(['severity', names.assessor(rater.id), '', '', rater.n, null, null, null, null, '', null, rater.severity * perLogit, Number.isFinite(rater.se) ? rater.se * perLogit : null, rater.infit, rater.outfit]);
  }
  for (const row of dashboard.perCriterion) {
    const levels = dashboard.criteria.find((criterion) => criterion.id === row.criterionId)?.levels ?? [];
    row.confusion.forEach((counts, masterIndex) =>
      counts.forEach((count, index) => rows.push(['confusion', '', names.criterion(row.criterionId), '', null, null, null, null, null, '', null, null, null, null, null, levels[masterIndex] ?? masterIndex + 1, levels[index] ?? index + 1, count])),
    );
  }
  const width = rows[0]!.length;
  return csvDocument(rows.map((row) => [...row, ...Array<null>(width - row.length).fill(null)]));
}
