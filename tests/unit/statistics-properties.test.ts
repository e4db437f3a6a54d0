import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementFromMatrix, kappaFromMatrix, krippendorffAlpha } from '../../shared/statistics';
import { cohenKappa, confusionMatrix, fleissKappa, icc, percentAgreement } from '../support/statistics-reference';
import type { Rating, Ratings, StatisticResult } from '../../shared/statistics';

const levels = [1, 2, 3, 4];
const level = fc.constantFrom(...levels);
const closeTo = (a: StatisticResult, b: StatisticResult): void => {
  expect(a.n).toBe(b.n);
  if (a.value === null || b.value === null) expect(a.value).toBe(b.value);
  else expect(a.value).toBeCloseTo(b.value, 9);
};

/** A table of `raters` columns with some ratings missing. */
const table = (raters: number, missing = true): fc.Arbitrary<Rating[][]> =>
  fc.array(fc.array(missing ? fc.option(level, { nil: null, freq: 5 }) : level, { minLength: raters, maxLength: raters }), { minLength: 1, maxLength: 40 });

/** Every rater agrees on each unit, and at least two different levels occur. */
const perfectAgreement = (raters: number): fc.Arbitrary<Rating[][]> =>
  fc
    .array(level, { minLength: 2, maxLength: 40 })
    .filter((values) => new Set(values).size > 1)
    .map((values) => values.map((value) => Array.from({ length: raters }, () => value)));

const permuteColumns = (ratings: Ratings, order: number[]): Rating[][] => ratings.map((row) => order.map((column) => row[column] ?? null));
const relabel = (ratings: Ratings, map: Map<number, number>): Rating[][] => ratings.map((row) => row.map((rating) => (rating === null ? null : map.get(rating)!)));
/** A one-to-one relabelling of the four levels to arbitrary distinct numbers. */
const relabelling = fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 4, maxLength: 4 }).map((targets) => new Map(levels.map((value, index) => [value, targets[index]!])));
const columnOrder = (raters: number): fc.Arbitrary<number[]> =>
  fc.shuffledSubarray(Array.from({ length: raters }, (_, index) => index), { minLength: raters, maxLength: raters });

describe('inter-rater statistics: properties', () => {
  it('alpha = 1 at every level when raters agree perfectly and ratings vary', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }).chain(perfectAgreement), (ratings) => {
        for (const measure of ['nominal', 'ordinal', 'interval', 'ratio'] as const) expect(krippendorffAlpha(ratings, { level: measure }).value).toBeCloseTo(1, 12);
      }),
    );
  });

  it("Cohen's and Fleiss' kappa = 1 for perfect agreement with variation", () => {
    fc.assert(
      fc.property(perfectAgreement(2), (ratings) => {
        for (const weights of ['none', 'linear', 'quadratic'] as const) expect(cohenKappa(ratings, { categories: levels, weights }).value).toBeCloseTo(1, 12);
        expect(fleissKappa(ratings, { categories: levels }).value).toBeCloseTo(1, 12);
      }),
    );
  });

  it('nominal statistics do not change when the levels are relabelled', () => {
    fc.assert(
      fc.property(table(3), relabelling, (ratings, map) => {
        const relabelled = relabel(ratings, map);
        const categories = levels.map((value) => map.get(value)!);
        closeTo(krippendorffAlpha(relabelled, { level: 'nominal' }), krippendorffAlpha(ratings, { level: 'nominal' }));
        closeTo(fleissKappa(relabelled, { categories }), fleissKappa(ratings, { categories: levels }));
        const pair = ratings.map((row) => row.slice(0, 2));
        closeTo(cohenKappa(relabel(pair, map), { categories, weights: 'none' }), cohenKappa(pair, { categories: levels, weights: 'none' }));
      }),
    );
  });

  it('every statistic is symmetric in the raters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((raters) => fc.tuple(table(raters), columnOrder(raters))),
        ([ratings, order]) => {
          const permuted = permuteColumns(ratings, order);
          for (const measure of ['nominal', 'ordinal', 'interval', 'ratio'] as const) closeTo(krippendorffAlpha(permuted, { level: measure }), krippendorffAlpha(ratings, { level: measure }));
          closeTo(fleissKappa(permuted, { categories: levels }), fleissKappa(ratings, { categories: levels }));
          for (const tolerance of [0, 1] as const) closeTo(percentAgreement(permuted, { tolerance }), percentAgreement(ratings, { tolerance }));
          for (const form of ['ICC1', 'ICC2', 'ICC3', 'ICC1k', 'ICC2k', 'ICC3k'] as const) closeTo(icc(permuted, { form }), icc(ratings, { form }));
        },
      ),
    );
    fc.assert(
      fc.property(table(2), (ratings) => {
        const swapped = permuteColumns(ratings, [1, 0]);
        for (const weights of ['none', 'linear', 'quadratic'] as const) closeTo(cohenKappa(swapped, { categories: levels, weights }), cohenKappa(ratings, { categories: levels, weights }));
      }),
    );
  });

  it('derives the same agreement and kappa from a confusion matrix as from the ratings', () => {
    fc.assert(
      fc.property(table(2, false), (ratings) => {
        const matrix = confusionMatrix(ratings, { categories: levels });
        for (const tolerance of [0, 1] as const) closeTo(agreementFromMatrix(matrix, levels, { tolerance }), percentAgreement(ratings, { tolerance }));
        for (const weights of ['none', 'linear', 'quadratic'] as const) closeTo(kappaFromMatrix(matrix, weights), cohenKappa(ratings, { categories: levels, weights }));
      }),
    );
  });

  it('never answers NaN or Infinity: an undefined statistic is null with a reason', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((raters) => table(raters)), (ratings) => {
        const results = [
          percentAgreement(ratings, { tolerance: 0 }),
          fleissKappa(ratings, { categories: levels }),
          ...(['nominal', 'ordinal', 'interval', 'ratio'] as const).map((measure) => krippendorffAlpha(ratings, { level: measure })),
          ...(['ICC1', 'ICC2', 'ICC3', 'ICC1k', 'ICC2k', 'ICC3k'] as const).map((form) => icc(ratings, { form })),
          ...(ratings[0]?.length === 2 ? [cohenKappa(ratings, { categories: levels, weights: 'quadratic' })] : []),
        ];
        for (const result of results) {
          if (result.value === null) expect(result.reason).toBeTruthy();
          else expect(Number.isFinite(result.value)).toBe(true);
        }
      }),
    );
  });
});

describe('inter-rater statistics: worked cases', () => {
  it('exact and adjacent agreement of an assessor with the master', () => {
    const ratings = [
      [3, 3],
      [2, 3],
      [4, 2],
      [1, null],
    ];
    expect(percentAgreement(ratings, { tolerance: 0 })).toEqual({ value: 1 / 3, n: 3 });
    expect(percentAgreement(ratings, { tolerance: 1 })).toEqual({ value: 2 / 3, n: 3 });
  });

  it('alpha weighs each unit’s pairs by 1/(m − 1) on complete data with three raters', () => {
    // Units [1,1,2], [2,2,2], [1,2,2]: o(1,1)=1, o(1,2)=o(2,1)=2, o(2,2)=4, n=9, n1=3, n2=6.
    // D_o ∝ (2+2)·1 = 4; D_e ∝ 2·3·6 = 36; alpha = 1 − (9 − 1)·4/36 = 1/9.
    expect(krippendorffAlpha([[1, 1, 2], [2, 2, 2], [1, 2, 2]], { level: 'nominal' }).value).toBeCloseTo(1 / 9, 12);
  });

  it('uses the full rubric scale: unused levels still count in the confusion matrix and weights', () => {
    const ratings = [
      [1, 1],
      [2, 2],
      [2, 1],
    ];
    expect(confusionMatrix(ratings, { categories: [1, 2, 3, 4] }).counts).toEqual([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    // A level no one used in the middle of the scale moves the others apart: weights change.
    const gap = [
      [1, 1],
      [2, 4],
      [4, 4],
      [2, 1],
    ];
    expect(cohenKappa(gap, { categories: [1, 2, 3, 4], weights: 'quadratic' }).value).not.toBeCloseTo(cohenKappa(gap, { categories: [1, 2, 4], weights: 'quadratic' }).value!, 3);
  });

  it('says why a statistic is undefined', () => {
    expect(krippendorffAlpha([[2, 2], [2, 2]], { level: 'interval' })).toMatchObject({ value: null, n: 2, reason: expect.stringMatching(/no variation/) as string });
    expect(krippendorffAlpha([[2, null]], { level: 'nominal' })).toMatchObject({ value: null, n: 0 });
    expect(cohenKappa([[1, 2, 3]], { categories: levels, weights: 'none' }).reason).toMatch(/exactly two raters/);
    expect(cohenKappa([[1, 9]], { categories: levels, weights: 'none' }).reason).toMatch(/not on the scale/);
    expect(icc([[1, 2]], { form: 'ICC2' }).reason).toMatch(/two units/);
    // Found by the symmetry property: these denominators are zero, but rounding made one 1e-16 in one column order.
    const table = [[2, 4], [1, 2], [4, 1]];
    for (const form of ['ICC1', 'ICC2', 'ICC3', 'ICC1k', 'ICC2k', 'ICC3k'] as const) {
      const result = icc(table, { form });
      closeTo(icc(table.map(([a, b]) => [b!, a!]), { form }), result);
      if (result.value === null) expect(result.reason).toBeTruthy();
      else expect(Math.abs(result.value)).toBeLessThan(10);
    }
  });
});
