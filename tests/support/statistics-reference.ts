// Reference implementations of the classic inter-rater statistics, computed from the ratings
// themselves. The product counts once and derives its figures (shared/statistics: kappaFromMatrix,
// agreementFromMatrix, krippendorffAlpha); these are the oracles its results are checked against,
// each checked in turn against published examples (statistics-published.test.ts).
import { countValues, present, settle, undefinedBecause } from '../../shared/statistics/basics';
import type { Ratings, StatisticResult } from '../../shared/statistics/basics';
import { kappaFromMatrix, scaleIndex } from '../../shared/statistics';
import type { ConfusionMatrix, KappaWeights } from '../../shared/statistics';

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
