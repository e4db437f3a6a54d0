/**
 * Inter-rater statistics for lead assessors. Pure TypeScript, no dependencies.
 *
 * Ratings are a table: one row per unit (a submission's criterion), one column per rater, `null`
 * where that rater did not score that unit. Every statistic answers `{ value, n, reason? }`: `n`
 * is how many units it used, and `value` is `null` with a `reason` whenever the statistic is not
 * defined for the data (too few units, no variation, …) — never NaN or Infinity.
 */

export type Rating = number | null;
export type Ratings = readonly (readonly Rating[])[];

export interface StatisticResult {
  value: number | null;
  /** Units the statistic used (after leaving out the ones it cannot use). */
  n: number;
  /** Why `value` is null. */
  reason?: string;
}

const undefinedBecause = (n: number, reason: string): StatisticResult => ({ value: null, n, reason });

/**
 * A finite value, or null with the reason: guards every division below. `scale` is the size of the
 * quantities the denominator was computed from: a denominator that is zero but for rounding (a
 * difference of mean squares, say) is treated as the zero it is, not divided by.
 */
function settle(n: number, numerator: number, denominator: number, whenZero: string, scale = 0): StatisticResult {
  if (Math.abs(denominator) <= 1e-9 * scale || denominator === 0) return undefinedBecause(n, whenZero);
  const value = numerator / denominator;
  return Number.isFinite(value) ? { value, n } : undefinedBecause(n, whenZero);
}

function present(row: readonly Rating[]): number[] {
  const values: number[] = [];
  for (const rating of row) if (rating !== null && Number.isFinite(rating)) values.push(rating);
  return values;
}

/** How many times each value occurs in one unit. */
function countValues(values: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * Share of rater pairs that agree, averaged over units. With `tolerance: 1`, ratings one level
 * apart count as agreeing (adjacent agreement). Units with fewer than two ratings are left out.
 * For two raters (an assessor against the master) this is the plain share of units agreed.
 */
export function percentAgreement(ratings: Ratings, options: { tolerance: 0 | 1 }): StatisticResult {
  let n = 0;
  let sum = 0;
  for (const row of ratings) {
    const values = present(row);
    const m = values.length;
    if (m < 2) continue;
    n += 1;
    if (m === 2) {
      // The common case (an assessor against the master): one pair.
      sum += Math.abs(values[0]! - values[1]!) <= options.tolerance ? 1 : 0;
      continue;
    }
    const counts = [...countValues(values)];
    let agreeing = 0;
    for (let i = 0; i < counts.length; i++) {
      const [value, count] = counts[i]!;
      agreeing += (count * (count - 1)) / 2;
      for (let j = i + 1; j < counts.length; j++) {
        const [other, otherCount] = counts[j]!;
        if (Math.abs(value - other) <= options.tolerance) agreeing += count * otherCount;
      }
    }
    sum += agreeing / ((m * (m - 1)) / 2);
  }
  return n === 0 ? undefinedBecause(0, 'No unit has two ratings to compare.') : { value: sum / n, n };
}

export type KappaWeights = 'none' | 'linear' | 'quadratic';

/** Agreement weight of categories at positions i and j of a scale of k (1 = full agreement). */
function agreementWeight(i: number, j: number, k: number, weights: KappaWeights): number {
  if (weights === 'none' || k < 2) return i === j ? 1 : 0;
  const distance = Math.abs(i - j) / (k - 1);
  return weights === 'linear' ? 1 - distance : 1 - distance * distance;
}

/** Position of each category on the scale; a rating outside it makes the statistic undefined. */
function scaleIndex(categories: readonly number[]): Map<number, number> | string {
  const index = new Map<number, number>();
  categories.forEach((category, position) => index.set(category, position));
  if (index.size !== categories.length) return 'The categories repeat a value.';
  if (index.size < 2) return 'A scale needs at least two categories.';
  return index;
}

export interface ConfusionMatrix {
  categories: number[];
  /** counts[i][j]: units the first rater put in categories[i] and the second in categories[j]. */
  counts: number[][];
  n: number;
  /** Ratings outside the categories (left out of the counts). */
  outside: number;
}

/**
 * Cross-tabulation of two raters (columns 0 and 1; for calibration, the master first) over the
 * rubric's full scale. Units either rater left blank are left out.
 */
export function confusionMatrix(ratings: Ratings, options: { categories: readonly number[] }): ConfusionMatrix {
  const categories = [...options.categories];
  const index = new Map(categories.map((category, position) => [category, position]));
  const counts = categories.map(() => categories.map(() => 0));
  let n = 0;
  let outside = 0;
  for (const row of ratings) {
    const first = row[0] ?? null;
    const second = row[1] ?? null;
    if (first === null || second === null) continue;
    const i = index.get(first);
    const j = index.get(second);
    if (i === undefined || j === undefined) {
      outside += 1;
      continue;
    }
    counts[i]![j]! += 1;
    n += 1;
  }
  return { categories, counts, n, outside };
}

/**
 * Cohen's kappa for exactly two raters over the rubric's full category set as given (levels no one
 * used still count: they change the weights). Weights: 'none' (exact agreement only), 'linear' or
 * 'quadratic' (disagreement weighted by the distance between positions on the scale).
 */
export function cohenKappa(ratings: Ratings, options: { categories: readonly number[]; weights: KappaWeights }): StatisticResult {
  if (ratings.some((row) => row.length !== 2)) return undefinedBecause(0, "Cohen's kappa compares exactly two raters.");
  const index = scaleIndex(options.categories);
  if (typeof index === 'string') return undefinedBecause(0, index);
  const matrix = confusionMatrix(ratings, options);
  if (matrix.outside > 0) return undefinedBecause(matrix.n, `${matrix.outside} ratings are not on the scale given.`);
  return kappaFromMatrix(matrix, options.weights);
}

/**
 * Cohen's kappa from a confusion matrix already counted (the same as `cohenKappa` on the ratings
 * behind it): lets a dashboard count once and derive every figure.
 */
export function kappaFromMatrix(matrix: Pick<ConfusionMatrix, 'counts' | 'n'>, weights: KappaWeights): StatisticResult {
  const { n, counts } = matrix;
  if (n === 0) return undefinedBecause(0, 'No unit was rated by both raters.');
  const k = counts.length;
  const rowTotals = counts.map((row) => row.reduce((sum, count) => sum + count, 0));
  const columnTotals = counts[0]!.map((_, j) => counts.reduce((sum, row) => sum + row[j]!, 0));
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const weight = agreementWeight(i, j, k, weights);
      observed += (weight * counts[i]![j]!) / n;
      expected += (weight * rowTotals[i]! * columnTotals[j]!) / (n * n);
    }
  }
  return settle(n, observed - expected, 1 - expected, 'Both raters gave every unit the same category: chance agreement is total, so kappa is undefined.', 1);
}

/**
 * Percent agreement of two raters from their confusion matrix over `categories` (values), exact
 * (`tolerance: 0`) or adjacent (`tolerance: 1`, categories at most one apart).
 */
export function agreementFromMatrix(matrix: Pick<ConfusionMatrix, 'counts' | 'n'>, categories: readonly number[], options: { tolerance: 0 | 1 }): StatisticResult {
  if (matrix.n === 0) return undefinedBecause(0, 'No unit has two ratings to compare.');
  let agreeing = 0;
  matrix.counts.forEach((row, i) => row.forEach((count, j) => (agreeing += Math.abs(categories[i]! - categories[j]!) <= options.tolerance ? count : 0)));
  return { value: agreeing / matrix.n, n: matrix.n };
}

/**
 * Fleiss' kappa for any number of raters on a nominal scale. Units may have different numbers of
 * ratings (missing values); each unit's agreement is over its own pairs. Units with fewer than two
 * ratings are left out.
 */
export function fleissKappa(ratings: Ratings, options: { categories: readonly number[] }): StatisticResult {
  const index = scaleIndex(options.categories);
  if (typeof index === 'string') return undefinedBecause(0, index);
  const totals = options.categories.map(() => 0);
  let n = 0;
  let agreementSum = 0;
  let ratingCount = 0;
  for (const row of ratings) {
    const values = present(row);
    const m = values.length;
    if (m < 2) continue;
    let squares = 0;
    for (const [value, count] of countValues(values)) {
      const position = index.get(value);
      if (position === undefined) return undefinedBecause(n, `The rating ${value} is not one of the categories given.`);
      totals[position]! += count;
      squares += count * count;
    }
    agreementSum += (squares - m) / (m * (m - 1));
    ratingCount += m;
    n += 1;
  }
  if (n === 0) return undefinedBecause(0, 'No unit has two ratings to compare.');
  const observed = agreementSum / n;
  const expected = totals.reduce((sum, total) => sum + (total / ratingCount) ** 2, 0);
  return settle(n, observed - expected, 1 - expected, 'Every rating is in the same category: chance agreement is total, so kappa is undefined.', 1);
}

export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/**
 * Krippendorff's alpha for any number of raters with missing values, at the given level of
 * measurement. Built on the coincidence matrix as Krippendorff defines it: within each unit every
 * ordered pair of ratings counts 1/(m_u − 1), for every m_u (some implementations weigh complete
 * data with more than two raters differently; this one never does). Units with fewer than two
 * ratings are not pairable and are left out.
 */
export function krippendorffAlpha(ratings: Ratings, options: { level: MeasurementLevel }): StatisticResult {
  // Coincidences o[c][k] over the distinct values, kept sparse by value.
  const coincidences = new Map<number, Map<number, number>>();
  const add = (c: number, k: number, amount: number): void => {
    let row = coincidences.get(c);
    if (!row) coincidences.set(c, (row = new Map<number, number>()));
    row.set(k, (row.get(k) ?? 0) + amount);
  };
  let n = 0;
  for (const row of ratings) {
    const values = present(row);
    const m = values.length;
    if (m < 2) continue;
    n += 1;
    const counts = [...countValues(values)];
    for (const [c, countC] of counts) {
      for (const [k, countK] of counts) {
        const pairs = c === k ? countC * (countC - 1) : countC * countK;
        if (pairs > 0) add(c, k, pairs / (m - 1));
      }
    }
  }
  if (n === 0) return undefinedBecause(0, 'No unit has two ratings: nothing is pairable.');

  const values = [...coincidences.keys()].sort((a, b) => a - b);
  const marginal = new Map(values.map((value) => [value, [...coincidences.get(value)!.values()].reduce((sum, count) => sum + count, 0)]));
  const total = [...marginal.values()].reduce((sum, count) => sum + count, 0);
  // For ordinal data: the marginals accumulated in value order, so a distance needs no loop.
  const cumulative = new Map<number, number>();
  let running = 0;
  for (const value of values) {
    running += marginal.get(value)!;
    cumulative.set(value, running);
  }
  const squaredDistance = (c: number, k: number): number => {
    if (c === k) return 0;
    switch (options.level) {
      case 'nominal':
        return 1;
      case 'interval':
        return (c - k) ** 2;
      case 'ratio':
        return c + k === 0 ? 0 : ((c - k) / (c + k)) ** 2;
      case 'ordinal': {
        const [low, high] = c < k ? [c, k] : [k, c];
        const between = cumulative.get(high)! - cumulative.get(low)! + marginal.get(low)!;
        return (between - (marginal.get(c)! + marginal.get(k)!) / 2) ** 2;
      }
    }
  };

  let observed = 0;
  for (const [c, row] of coincidences) for (const [k, count] of row) observed += count * squaredDistance(c, k);
  let expected = 0;
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const c = values[i]!;
      const k = values[j]!;
      expected += 2 * marginal.get(c)! * marginal.get(k)! * squaredDistance(c, k);
    }
  }
  const result = settle(n, (total - 1) * observed, expected, 'All pairable ratings have the same value: there is no variation, so alpha is undefined.');
  return result.value === null ? result : { value: 1 - result.value, n };
}

export type IccForm = 'ICC1' | 'ICC2' | 'ICC3' | 'ICC1k' | 'ICC2k' | 'ICC3k';

/**
 * Intraclass correlation (Shrout & Fleiss 1979) from the two-way ANOVA of a complete table: ICC1
 * one-way random, ICC2 two-way random, ICC3 two-way mixed (consistency); the `k` forms are the
 * reliability of the mean of the k raters. Units with a missing rating are left out.
 */
export function icc(ratings: Ratings, options: { form: IccForm }): StatisticResult {
  const raters = Math.max(0, ...ratings.map((row) => row.length));
  const complete = ratings.filter((row) => row.length === raters && row.every((rating) => rating !== null && Number.isFinite(rating))) as (readonly number[])[];
  const n = complete.length;
  const k = raters;
  if (k < 2) return undefinedBecause(n, 'The ICC needs at least two raters.');
  if (n < 2) return undefinedBecause(n, 'The ICC needs at least two units rated by every rater.');
  let grand = 0;
  for (const row of complete) for (const rating of row) grand += rating;
  grand /= n * k;
  const columnMeans = Array.from({ length: k }, (_, j) => complete.reduce((sum, row) => sum + row[j]!, 0) / n);
  let total = 0;
  let betweenUnits = 0;
  for (const row of complete) {
    const mean = row.reduce((sum, rating) => sum + rating, 0) / k;
    betweenUnits += k * (mean - grand) ** 2;
    for (const rating of row) total += (rating - grand) ** 2;
  }
  const betweenRaters = columnMeans.reduce((sum, mean) => sum + n * (mean - grand) ** 2, 0);
  const bms = betweenUnits / (n - 1);
  const wms = (total - betweenUnits) / (n * (k - 1));
  const jms = betweenRaters / (k - 1);
  const ems = (total - betweenUnits - betweenRaters) / ((n - 1) * (k - 1));
  const noVariance = 'The ratings do not vary enough for this ICC form (its denominator is zero).';
  const scale = k * Math.max(Math.abs(bms), Math.abs(wms), Math.abs(jms), Math.abs(ems));
  switch (options.form) {
    case 'ICC1':
      return settle(n, bms - wms, bms + (k - 1) * wms, noVariance, scale);
    case 'ICC2':
      return settle(n, bms - ems, bms + (k - 1) * ems + (k * (jms - ems)) / n, noVariance, scale);
    case 'ICC3':
      return settle(n, bms - ems, bms + (k - 1) * ems, noVariance, scale);
    case 'ICC1k':
      return settle(n, bms - wms, bms, noVariance, scale);
    case 'ICC2k':
      return settle(n, bms - ems, bms + (jms - ems) / n, noVariance, scale);
    case 'ICC3k':
      return settle(n, bms - ems, bms, noVariance, scale);
  }
}

export { manyFacetRasch } from './many-facet-rasch';
export { severitiesByGroup } from './rater-drift';
export type { ManyFacetRaschOptions, ManyFacetRaschResult, RaterMeasure, RaterObservation } from './many-facet-rasch';
