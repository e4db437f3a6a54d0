/**
 * Inter-rater statistics for lead assessors. Pure TypeScript, no dependencies.
 *
 * Ratings are a table: one row per unit (a submission's criterion), one column per rater, `null`
 * where that rater did not score that unit. Every statistic answers `{ value, n, reason? }`: `n`
 * is how many units it used, and `value` is `null` with a `reason` whenever the statistic is not
 * defined for the data (too few units, no variation, …) — never NaN or Infinity.
 */

import { countValues, present, settle, undefinedBecause } from './basics';
import type { Ratings, StatisticResult } from './basics';

export type { Rating, Ratings, StatisticResult } from './basics';

export type KappaWeights = 'none' | 'linear' | 'quadratic';

/** Agreement weight of categories at positions i and j of a scale of k (1 = full agreement). */
export function agreementWeight(i: number, j: number, k: number, weights: KappaWeights): number {
  if (weights === 'none' || k < 2) return i === j ? 1 : 0;
  const distance = Math.abs(i - j) / (k - 1);
  return weights === 'linear' ? 1 - distance : 1 - distance * distance;
}

/** Position of each category on the scale; a rating outside it makes the statistic undefined. */
export function scaleIndex(categories: readonly number[]): Map<number, number> | string {
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

export { manyFacetRasch } from './many-facet-rasch';
export { severitiesByGroup } from './rater-drift';
export type { ManyFacetRaschOptions, ManyFacetRaschResult, RaterMeasure, RaterObservation } from './many-facet-rasch';
