import { describe, expect, it } from 'vitest';
import { manyFacetRasch } from '../../shared/statistics/many-facet-rasch';
import { severitiesByGroup } from '../../shared/statistics/rater-drift';
import type { RaterObservation } from '../../shared/statistics/many-facet-rasch';
import { simulateRatings } from '../support/rasch-data';
import type { RaschTruth } from '../support/rasch-data';

const levels = [1, 2, 3, 4];
const centred = (values: number[]): number[] => {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return values.map((value) => value - mean);
};
const truth: RaschTruth = {
  severities: centred([-1, -0.6, -0.3, -0.1, 0, 0.1, 0.25, 0.4, 0.7, 1]),
  difficulties: [-0.8, -0.3, 0, 0.4, 0.9],
  thresholds: [-1.5, 0, 1.5],
  abilitySd: 1.2,
};
const data = simulateRatings(truth, { submissions: 1200, ratersPerSubmission: 2, seed: 7 });
const fitted = manyFacetRasch(data, { categories: levels });
const severityOf = (result: ReturnType<typeof manyFacetRasch>, id: string): number => result.raters.find((rater) => rater.id === id)!.severity;

describe('many-facet Rasch model (rater severity)', () => {
  it('converges and recovers known severities, difficulties, thresholds and the ability spread within sampling error', () => {
    expect(fitted.converged).toBe(true);
    for (const [r, severity] of truth.severities.entries()) {
      const rater = fitted.raters.find((candidate) => candidate.id === `r${r}`)!;
      expect(Math.abs(rater.severity - severity), `r${r}: ${rater.severity} ± ${rater.se} vs ${severity}`).toBeLessThan(3 * rater.se + 0.02);
      expect(rater.se).toBeGreaterThan(0.02);
      expect(rater.se).toBeLessThan(0.15);
    }
    // Criterion difficulties are on θ's scale (mean 0); compare them where the model fixes them.
    for (const [i, difficulty] of truth.difficulties.entries()) {
      const criterion = fitted.criteria.find((candidate) => candidate.id === `c${i}`)!;
      expect(Math.abs(criterion.difficulty - difficulty), `c${i}`).toBeLessThan(3 * criterion.se + 0.1);
    }
    for (const [j, threshold] of truth.thresholds.entries()) expect(fitted.thresholds[j]!).toBeCloseTo(threshold, 0);
    expect(fitted.abilitySd).toBeGreaterThan(1.05);
    expect(fitted.abilitySd).toBeLessThan(1.35);
    expect(fitted.raters.reduce((sum, rater) => sum + rater.severity, 0)).toBeCloseTo(0, 6);
    expect(fitted.thresholds.reduce((sum, value) => sum + value, 0)).toBeCloseTo(0, 6);
  });

  it('calls a rater who gives lower scores harsher (positive), and a criterion scored lower harder (positive)', () => {
    expect(severityOf(fitted, 'r9')).toBeGreaterThan(0.5);
    expect(severityOf(fitted, 'r0')).toBeLessThan(-0.5);
    const difficulty = (id: string): number => fitted.criteria.find((criterion) => criterion.id === id)!.difficulty;
    expect(difficulty('c4')).toBeGreaterThan(difficulty('c0'));
  });

  it('fits data drawn from the model: infit and outfit near 1, n per rater', () => {
    for (const rater of fitted.raters) {
      expect(rater.infit).toBeGreaterThan(0.8);
      expect(rater.infit).toBeLessThan(1.2);
      expect(rater.outfit).toBeGreaterThan(0.75);
      expect(rater.outfit).toBeLessThan(1.3);
    }
    expect(fitted.raters.reduce((sum, rater) => sum + rater.n, 0)).toBe(data.length);
  });

  it('moves only that rater when one rater scores a level higher throughout', () => {
    const lenient = data.map((observation): RaterObservation => (observation.rater === 'r4' ? { ...observation, level: Math.min(4, observation.level + 1) } : observation));
    const refitted = manyFacetRasch(lenient, { categories: levels });
    expect(severityOf(refitted, 'r4') - severityOf(fitted, 'r4')).toBeLessThan(-0.8);
    // The others keep their places relative to each other (the centring moves them all alike).
    const others = truth.severities.map((_, r) => `r${r}`).filter((id) => id !== 'r4');
    const before = centred(others.map((id) => severityOf(fitted, id)));
    const after = centred(others.map((id) => severityOf(refitted, id)));
    for (const [index, value] of before.entries()) expect(Math.abs(after[index]! - value)).toBeLessThan(0.05);
  });

  it('refuses a level that is not on the scale, and answers nothing for no data', () => {
    expect(() => manyFacetRasch([{ submission: 's', rater: 'r', criterion: 'c', level: 7 }], { categories: levels })).toThrow(/not one of the categories/);
    expect(manyFacetRasch([], { categories: levels })).toMatchObject({ raters: [], criteria: [], converged: false });
  });
});

describe('severity week by week (drift)', () => {
  it('shows a rater who turns harsher halfway as rising, on the scale of the overall fit, the others steady', () => {
    // r3 gives one level less than drawn in the second half of the data ("week" b).
    const drifting = data.map((observation, index) => {
      const group = index < data.length / 2 ? 'a' : 'b';
      const level = observation.rater === 'r3' && group === 'b' ? Math.max(1, observation.level - 1) : observation.level;
      return { ...observation, level, group };
    });
    const overall = manyFacetRasch(drifting, { categories: levels });
    const weekly = severitiesByGroup(drifting, overall, levels);
    const at = (group: string, id: string) => weekly.get(group)!.find((rater) => rater.id === id)!;
    expect(at('b', 'r3').severity - at('a', 'r3').severity).toBeGreaterThan(0.6);
    expect(at('b', 'r3').se).toBeLessThan(0.25);
    for (const id of ['r0', 'r5', 'r9']) expect(Math.abs(at('b', id).severity - at('a', id).severity)).toBeLessThan(4 * Math.hypot(at('a', id).se, at('b', id).se));
  });
});

describe('convergence where plain EM crawls (SQUAREM, the level moved into the difficulties)', () => {
  const spread = (count: number): number[] => centred(Array.from({ length: count }, (_, r) => -1 + (2 * r) / (count - 1)));
  const designs: [string, RaterObservation[], number[]][] = [
    ['a handful of ratings', simulateRatings({ ...truth, severities: spread(3) }, { submissions: 10, ratersPerSubmission: 2, seed: 1 }), levels],
    ['submissions barely differing (ability SD 0.1)', simulateRatings({ ...truth, abilitySd: 0.1 }, { submissions: 400, ratersPerSubmission: 2, seed: 6 }), levels],
    ['a level nobody gives', simulateRatings({ ...truth, thresholds: [-1.5, 0, 9] }, { submissions: 400, ratersPerSubmission: 2, seed: 9 }), levels],
    ['thirty criteria per submission', simulateRatings({ ...truth, difficulties: Array.from({ length: 30 }, (_, i) => -1 + i / 15) }, { submissions: 150, ratersPerSubmission: 2, seed: 14 }), levels],
    ['six levels', simulateRatings({ ...truth, thresholds: [-2, -1, 0, 1, 2] }, { submissions: 400, ratersPerSubmission: 2, seed: 7 }), [1, 2, 3, 4, 5, 6]],
  ];
  it.each(designs)('settles with %s, the abilities’ mean where the model puts it (0), reporting the steps it took', (_, observations, categories) => {
    const fit = manyFacetRasch(observations, { categories });
    expect([fit.converged, fit.iterations <= 500]).toEqual([true, true]);
    const abilities = [...fit.abilities.values()];
    expect(Math.abs(abilities.reduce((sum, value) => sum + value, 0) / abilities.length)).toBeLessThan(0.02);
  });

  it('lands where the tighter tolerance lands: the stopping rule does not stop early', () => {
    const fit = manyFacetRasch(data, { categories: levels });
    const tighter = manyFacetRasch(data, { categories: levels, tolerance: 1e-8, relativeLogLikelihoodTolerance: 1e-12 });
    for (const rater of fit.raters) expect(Math.abs(rater.severity - severityOf(tighter, rater.id))).toBeLessThan(0.001);
    expect(fit.iterations).toBeLessThan(60);
  });
});
