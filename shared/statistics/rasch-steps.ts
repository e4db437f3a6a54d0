// What the many-facet Rasch computations here share: the quadrature, ids as indices, category
// probabilities, the step limit and the prior; and the fit's self-contained steps (starting values, a
// facet's Newton step, the raters' residuals).

/** Quadrature for θ ~ N(0, 1): equally spaced nodes over ±6 SD with normal weights (TAM's default grid). */
export const nodeCount = 21;
export const standardNodes = Array.from({ length: nodeCount }, (_, q) => -6 + (12 * q) / (nodeCount - 1));
export const logNodeWeights = (() => {
  const raw = standardNodes.map((x) => Math.exp(-0.5 * x * x));
  const total = raw.reduce((sum, value) => sum + value, 0);
  return raw.map((value) => Math.log(value / total));
})();

/** Ids (submissions, raters, criteria) as dense indices, in order of first appearance. */
export function indexer(): { index: (id: string) => number; ids: string[] } {
  const positions = new Map<string, number>();
  const ids: string[] = [];
  return {
    ids,
    index: (id) => {
      let position = positions.get(id);
      if (position === undefined) {
        position = ids.length;
        positions.set(id, position);
        ids.push(id);
      }
      return position;
    },
  };
}

/** No parameter moves more than this in one M-step: keeps EM steady for raters with extreme scores. */
const largestStep = 1;
/**
 * A weak normal prior (SD 3 logits) on every severity, difficulty and threshold: negligible with real
 * amounts of data, it keeps the estimates finite when a rater gave only extreme scores or a category
 * was never used (a handful of calibration ratings).
 */
export const priorPrecision = 1 / 9;
export const clampStep = (step: number): number => Math.max(-largestStep, Math.min(largestStep, step));

/**
 * Category log-probabilities at ability θ for location b: out[k] = k(θ − b) − Σ_{j≤k} τ_j − log Z.
 * `cumulative[k]` is Σ_{j≤k} τ_j (cumulative[0] = 0).
 */
export function categoryLogProbabilities(theta: number, location: number, cumulative: Float64Array, out: Float64Array, offset: number): void {
  const categories = cumulative.length;
  let largest = -Infinity;
  for (let k = 0; k < categories; k++) {
    const s = k * (theta - location) - cumulative[k]!;
    out[offset + k] = s;
    if (s > largest) largest = s;
  }
  let total = 0;
  for (let k = 0; k < categories; k++) total += Math.exp(out[offset + k]! - largest);
  const logZ = largest + Math.log(total);
  for (let k = 0; k < categories; k++) out[offset + k] = out[offset + k]! - logZ;
}

/**
 * One Newton step on a facet's values (ascent: + gradient / information, with the prior). With
 * `keepSum` the step keeps the values' sum (the facet is identified by it: severities, thresholds):
 * the constrained Newton step, its multiplier weighted by each step's variance.
 */
export function newtonStep(values: Float64Array, gradient: Float64Array, information: Float64Array, keepSum: boolean): void {
  let shift = 0;
  if (keepSum) {
    let weighted = 0;
    let weights = 0;
    for (let v = 0; v < values.length; v++) {
      const curvature = information[v]! + priorPrecision;
      weighted += (gradient[v]! - priorPrecision * values[v]!) / curvature;
      weights += 1 / curvature;
    }
    shift = weighted / weights;
  }
  for (let v = 0; v < values.length; v++) values[v] = values[v]! + clampStep((gradient[v]! - priorPrecision * values[v]! - shift) / (information[v]! + priorPrecision));
}

/** The observations as indices (see manyFacetRasch). */
export interface IndexedRatings {
  count: number;
  raters: number;
  categories: number;
  rater: Int32Array;
  submission: Int32Array;
  criterion: Int32Array;
  category: Int32Array;
}

/**
 * Each rater's residuals at the estimates (abilities at their expected a posteriori values): the sums
 * the fit mean squares are made of (infit = squared residuals / variances, outfit = mean standardized
 * square) and how many ratings each gave.
 */
export function raterResiduals(
  ratings: IndexedRatings,
  at: { ability: Float64Array; difficulty: Float64Array; severity: Float64Array; cumulative: Float64Array },
): { squaredResiduals: Float64Array; variances: Float64Array; standardizedSquares: Float64Array; ratedBy: Float64Array } {
  const squaredResiduals = new Float64Array(ratings.raters);
  const variances = new Float64Array(ratings.raters);
  const standardizedSquares = new Float64Array(ratings.raters);
  const ratedBy = new Float64Array(ratings.raters);
  const probabilities = new Float64Array(ratings.categories);
  for (let o = 0; o < ratings.count; o++) {
    const r = ratings.rater[o]!;
    categoryLogProbabilities(at.ability[ratings.submission[o]!]!, at.difficulty[ratings.criterion[o]!]! + at.severity[r]!, at.cumulative, probabilities, 0);
    let mean = 0;
    let square = 0;
    for (let k = 0; k < ratings.categories; k++) {
      const probability = Math.exp(probabilities[k]!);
      mean += k * probability;
      square += k * k * probability;
    }
    const variance = Math.max(1e-9, square - mean * mean);
    const residual = ratings.category[o]! - mean;
    squaredResiduals[r]! += residual * residual;
    variances[r]! += variance;
    standardizedSquares[r]! += (residual * residual) / variance;
    ratedBy[r]! += 1;
  }
  return { squaredResiduals, variances, standardizedSquares, ratedBy };
}

/** Starting values: thresholds from the category frequencies (summing to 0), difficulties from each criterion's mean level. */
export function startingValues(category: Int32Array, criterion: Int32Array, categories: number, criteria: number): { tau: Float64Array; delta: Float64Array } {
  const steps = categories - 1;
  const categoryCounts = new Float64Array(categories);
  for (let o = 0; o < category.length; o++) categoryCounts[category[o]!]! += 1;
  const tau = new Float64Array(steps);
  for (let j = 1; j <= steps; j++) tau[j - 1] = Math.log((categoryCounts[j - 1]! + 0.5) / (categoryCounts[j]! + 0.5));
  const tauMean = tau.reduce((sum, value) => sum + value, 0) / steps;
  for (let j = 0; j < steps; j++) tau[j] = tau[j]! - tauMean;
  const sums = new Float64Array(criteria);
  const counts = new Float64Array(criteria);
  for (let o = 0; o < category.length; o++) {
    sums[criterion[o]!]! += category[o]!;
    counts[criterion[o]!]! += 1;
  }
  const delta = new Float64Array(criteria);
  for (let i = 0; i < criteria; i++) {
    const mean = (sums[i]! + 0.5) / (counts[i]! + 1);
    delta[i] = -Math.log(mean / Math.max(0.5, steps - mean));
  }
  return { tau, delta };
}
