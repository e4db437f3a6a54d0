// The pieces every statistic here is made of: the ratings table, the answer's shape, and the
// guards that keep a value finite or say why there is none.

export type Rating = number | null;
export type Ratings = readonly (readonly Rating[])[];

export interface StatisticResult {
  value: number | null;
  /** Units the statistic used (after leaving out the ones it cannot use). */
  n: number;
  /** Why `value` is null. */
  reason?: string;
}

export const undefinedBecause = (n: number, reason: string): StatisticResult => ({ value: null, n, reason });

/**
 * A finite value, or null with the reason: guards every division below. `scale` is the size of the
 * quantities the denominator was computed from: a denominator that is zero but for rounding (a
 * difference of mean squares, say) is treated as the zero it is, not divided by.
 */
export function settle(n: number, numerator: number, denominator: number, whenZero: string, scale = 0): StatisticResult {
  if (Math.abs(denominator) <= 1e-9 * scale || denominator === 0) return undefinedBecause(n, whenZero);
  const value = numerator / denominator;
  return Number.isFinite(value) ? { value, n } : undefinedBecause(n, whenZero);
}

export function present(row: readonly Rating[]): number[] {
  const values: number[] = [];
  for (const rating of row) if (rating !== null && Number.isFinite(rating)) values.push(rating);
  return values;
}

/** How many times each value occurs in one unit. */
export function countValues(values: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
