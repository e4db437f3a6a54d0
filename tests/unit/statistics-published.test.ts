import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../shared/statistics';
import { cohenKappa, fleissKappa, icc } from '../support/statistics-reference';
import type { KappaWeights, MeasurementLevel, Ratings, StatisticResult } from '../../shared/statistics';
import type { IccForm } from '../support/statistics-reference';
import { projectPaths } from '../../electron/launcher/project-paths';

interface Example {
  name: string;
  statistic: 'fleissKappa' | 'krippendorffAlpha' | 'icc' | 'cohenKappa';
  options: { categories?: number[]; level?: MeasurementLevel; form?: IccForm; weights?: KappaWeights };
  ratings: Ratings;
  expected: number;
  tolerance: number;
}

// A copy of ../shared/reference-data/irr-published-examples.json, so the tests stand on their own.
const examples = (JSON.parse(readFileSync(join(projectPaths().root, 'tests', 'fixtures', 'irr-published-examples.json'), 'utf8')) as { examples: Example[] }).examples;

function compute(example: Example): StatisticResult {
  const { options } = example;
  switch (example.statistic) {
    case 'fleissKappa':
      return fleissKappa(example.ratings, { categories: options.categories! });
    case 'krippendorffAlpha':
      return krippendorffAlpha(example.ratings, { level: options.level! });
    case 'icc':
      return icc(example.ratings, { form: options.form! });
    case 'cohenKappa':
      return cohenKappa(example.ratings, { categories: options.categories!, weights: options.weights! });
  }
}

describe('inter-rater statistics reproduce published examples', () => {
  it('covers every example in the fixture', () => {
    expect(examples.length).toBeGreaterThanOrEqual(17);
  });

  for (const example of examples) {
    it(`${example.statistic}: ${example.name}`, () => {
      const result = compute(example);
      expect(result.reason).toBeUndefined();
      expect(result.value).not.toBeNull();
      expect(Math.abs(result.value! - example.expected), `got ${result.value}, published ${example.expected}`).toBeLessThanOrEqual(example.tolerance);
    });
  }
});
