import { krippendorffAlpha, manyFacetRasch } from '../../shared/statistics';
import { cohenKappa, confusionMatrix, fleissKappa, icc, percentAgreement } from '../support/statistics-reference';
import { simulateRatings } from '../support/rasch-data';
import type { Rating } from '../../shared/statistics';
import { summarize } from './stats';
import type { Row } from './stats';

/** 50 raters × 10,000 units on a four-level rubric, about one rating in ten missing (seeded, repeatable). */
function ratingsTable(raters: number, units: number, missingShare: number): Rating[][] {
  let state = 42;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: units }, () => {
    const truth = 1 + Math.floor(random() * 4);
    return Array.from({ length: raters }, () => {
      if (random() < missingShare) return null;
      const drift = random() < 0.3 ? (random() < 0.5 ? -1 : 1) : 0;
      return Math.min(4, Math.max(1, truth + drift));
    });
  });
}

function time(run: () => unknown, repeats: number): number[] {
  run(); // warm up
  const samples: number[] = [];
  for (let index = 0; index < repeats; index++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Each statistic on 50 raters × 10,000 units (target: well under a second). */
export function benchStatistics(rows: Row[]): void {
  const categories = [1, 2, 3, 4];
  const many = ratingsTable(50, 10_000, 0.1);
  const complete = ratingsTable(50, 10_000, 0);
  const pair = many.map((row) => [row[0] ?? 1, row[1] ?? 2]);
  const cases: [string, () => unknown][] = [
    ['percentAgreement (exact), 50 raters × 10,000 units', () => percentAgreement(many, { tolerance: 0 })],
    ['percentAgreement (adjacent), 50 raters × 10,000 units', () => percentAgreement(many, { tolerance: 1 })],
    ['fleissKappa, 50 raters × 10,000 units', () => fleissKappa(many, { categories })],
    ['krippendorffAlpha (nominal), 50 raters × 10,000 units', () => krippendorffAlpha(many, { level: 'nominal' })],
    ['krippendorffAlpha (ordinal), 50 raters × 10,000 units', () => krippendorffAlpha(many, { level: 'ordinal' })],
    ['krippendorffAlpha (interval), 50 raters × 10,000 units', () => krippendorffAlpha(many, { level: 'interval' })],
    ['icc ICC2, 50 raters × 10,000 units (complete)', () => icc(complete, { form: 'ICC2' })],
    ['cohenKappa quadratic (2 raters × 10,000)', () => cohenKappa(pair, { categories, weights: 'quadratic' })],
    ['confusionMatrix (2 raters × 10,000)', () => confusionMatrix(pair, { categories })],
  ];
  for (const [name, run] of cases) {
    rows.push({ name: `statistic: ${name}`, summary: summarize(time(run, 15)), unit: 'ms', target: '< 1000' });
  }
  // Rater severity: every submission scored on 8 criteria by 2 of 100 raters (80,000 ratings).
  const severities = Array.from({ length: 100 }, (_, r) => -1 + (2 * r) / 99);
  const observations = simulateRatings({ severities, difficulties: [-0.8, -0.5, -0.2, 0, 0.1, 0.3, 0.5, 0.8], thresholds: [-1.5, 0, 1.5], abilitySd: 1 }, { submissions: 5000, ratersPerSubmission: 2, seed: 3 });
  rows.push({
    name: 'rater severity: many-facet Rasch (MML), 100 raters × 5,000 submissions × 8 criteria',
    summary: summarize(time(() => manyFacetRasch(observations, { categories }), 5)),
    unit: 'ms',
    target: '< 2000',
  });
}
