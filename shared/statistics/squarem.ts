/**
 * SQUAREM (Varadhan & Roland, 2008, scheme S3 with the global step-length strategy of their R
 * package): speeds up a monotone fixed-point iteration such as EM, whose steps shrink slowly where
 * the likelihood is flat (a small ability spread, a category hardly used, a handful of ratings).
 * Two plain steps give the direction and curvature; one extrapolated point, made stable by a third
 * step, replaces many plain ones. Where the extrapolation would lower the likelihood the two plain
 * steps are kept, so the run never does worse than plain EM.
 */

export interface FixedPointOptions {
  /** Converged when no parameter moves more than this in one plain step… */
  tolerance: number;
  /** …and the log-likelihood changes by less than this, relative to its size. */
  relativeLogLikelihoodTolerance: number;
  /** Plain steps (map evaluations), at most. */
  maxIterations: number;
}

export interface FixedPointResult {
  x: Float64Array;
  /** Map evaluations made (each one E-step and one M-step). */
  iterations: number;
  converged: boolean;
}

/**
 * `step(x, next)` writes one plain step from `x` into `next` and answers the log-likelihood at `x`.
 * The parameters must be on scales where a straight line between two values is meaningful (a
 * standard deviation as its logarithm); linear constraints the step keeps (a centring) survive the
 * extrapolation, an affine combination of steps.
 */
export function squarem(start: Float64Array, step: (x: Float64Array, next: Float64Array) => number, options: FixedPointOptions): FixedPointResult {
  const size = start.length;
  let x = Float64Array.from(start);
  const once = new Float64Array(size);
  let twice = new Float64Array(size);
  let stabilised = new Float64Array(size);
  const extrapolated = new Float64Array(size);
  let iterations = 0;
  /** The largest step length the extrapolation may take; grows while steps that long are accepted. */
  let longestStep = 1;

  const settled = (from: Float64Array, to: Float64Array, before: number, after: number): boolean => {
    let largest = 0;
    for (let index = 0; index < size; index++) largest = Math.max(largest, Math.abs(to[index]! - from[index]!));
    return largest < options.tolerance && Math.abs(after - before) <= options.relativeLogLikelihoodTolerance * Math.abs(before);
  };

  while (iterations + 2 <= options.maxIterations) {
    const atStart = step(x, once);
    const afterOne = step(once, twice);
    iterations += 2;
    // The likelihood at `once` came with the second step: a plain step that barely moves ends the run.
    if (settled(x, once, atStart, afterOne)) return { x: once, iterations, converged: true };

    let rr = 0;
    let vv = 0;
    for (let index = 0; index < size; index++) {
      const r = once[index]! - x[index]!;
      const v = twice[index]! - 2 * once[index]! + x[index]!;
      rr += r * r;
      vv += v * v;
    }
    // α ≤ −1: α = −1 is exactly the second plain step; more negative goes further along the path.
    let alpha = vv > 0 ? -Math.sqrt(rr / vv) : -1;
    if (!Number.isFinite(alpha) || alpha > -1) alpha = -1;
    // At the bound, the bound grows (×4) once the step is taken: the length the path asks for is let in gradually.
    const atBound = alpha <= -longestStep;
    if (atBound) alpha = -longestStep;
    if (alpha === -1 || iterations + 1 > options.maxIterations) {
      [x, twice] = [twice, x];
      if (atBound) longestStep *= 4;
      continue;
    }
    for (let index = 0; index < size; index++) {
      const r = once[index]! - x[index]!;
      const v = twice[index]! - 2 * once[index]! + x[index]!;
      extrapolated[index] = x[index]! - 2 * alpha * r + alpha * alpha * v;
    }
    const atExtrapolated = step(extrapolated, stabilised);
    iterations += 1;
    if (Number.isFinite(atExtrapolated) && atExtrapolated >= afterOne) {
      [x, stabilised] = [stabilised, x];
      if (atBound) longestStep *= 4;
    } else {
      // Too far: keep the two plain steps, and reach less far next time.
      [x, twice] = [twice, x];
      longestStep = Math.max(1, longestStep / 4);
    }
  }
  return { x, iterations, converged: false };
}
