// What the many-facet Rasch computations here share: the quadrature, ids as indices, category
// probabilities, the step limit and the prior.

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
