import { describe, expect, it } from 'vitest';
import { squarem } from '../../shared/statistics/squarem';

// A slow linear fixed-point map (each step closes 1% of the gap to the fixed point), and a
// "likelihood" that grows as the gap closes: what EM looks like where the likelihood is flat.
const target = [3, -2];
const slowStep = (x: Float64Array, next: Float64Array): number => {
  let gap = 0;
  for (let index = 0; index < x.length; index++) {
    next[index] = x[index]! + 0.01 * (target[index]! - x[index]!);
    gap += (target[index]! - x[index]!) ** 2;
  }
  return -gap;
};

describe('SQUAREM', () => {
  it('reaches the fixed point of a slow map in a few dozen steps where plain steps would need thousands', () => {
    const result = squarem(new Float64Array([0, 0]), slowStep, { tolerance: 1e-9, relativeLogLikelihoodTolerance: 1, maxIterations: 5000 });
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThan(60);
    expect([...result.x].map((value) => Number(value.toFixed(6)))).toEqual(target);
  });

  it('keeps the plain steps when the extrapolation would lower the likelihood, and says when it ran out of steps', () => {
    // A map whose likelihood punishes any overshoot past the fixed point hard: extrapolations that overshoot are refused.
    const cautious = (x: Float64Array, next: Float64Array): number => {
      next[0] = x[0]! + 0.5 * (1 - x[0]!);
      return x[0]! > 1 ? -1e9 : -((1 - x[0]!) ** 2);
    };
    const result = squarem(new Float64Array([0]), cautious, { tolerance: 1e-12, relativeLogLikelihoodTolerance: 1, maxIterations: 200 });
    expect(result.x[0]!).toBeLessThanOrEqual(1);
    expect(result.x[0]!).toBeCloseTo(1, 9);
    const stopped = squarem(new Float64Array([0, 0]), slowStep, { tolerance: 1e-12, relativeLogLikelihoodTolerance: 1, maxIterations: 4 });
    expect(stopped).toMatchObject({ converged: false, iterations: 4 });
  });
});
