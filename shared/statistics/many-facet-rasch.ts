// One EM loop owns the typed arrays its steps share, so the fit stays whole here (helpers: rasch-steps.ts).
/**
 * Many-facet Rasch model (rating-scale form) for rater severity: who scores harshly or leniently once
 * the submissions each rater happened to get are taken into account. Pure TypeScript.
 *
 *   P(X = k | submission n, criterion i, rater r) ∝ exp( Σ_{j ≤ k} (θ_n − δ_i − λ_r − τ_j) ),  k = 0..K
 *
 * θ_n ~ N(0, σ²) (submission ability, mean 0), δ_i criterion difficulty, λ_r rater severity (centred at
 * 0), τ_j thresholds (summing to 0); all in logits, positive δ / λ = harder / harsher. Estimated by
 * marginal maximum likelihood (EM over a fixed quadrature, as R's TAM does with
 * `tam.mml.mfr(resp, facets, formulaA = ~ item + rater + step)`), with one Newton step per facet in each
 * M-step, the EM accelerated by SQUAREM (squarem.ts), and a weak prior that only matters for tiny samples. The E-step is cheap because the category probabilities depend on a criterion and a rater only
 * through δ_i + λ_r: they are tabulated once per (criterion, rater) pair and quadrature node.
 */

import { categoryLogProbabilities, indexer, logNodeWeights, newtonStep, nodeCount, raterResiduals, standardNodes, startingValues } from './rasch-steps';
import { squarem } from './squarem';

export interface RaterObservation {
  submission: string;
  rater: string;
  criterion: string;
  /** One of `categories`. */
  level: number;
}

export interface ManyFacetRaschOptions {
  /** The rubric's levels, in any order (lowest = category 0). */
  categories: readonly number[];
  /** Converged when no parameter moves more than this (logits) in one EM step… Default 1e-5. */
  tolerance?: number;
  /** …and the log-likelihood changes by less than this share of itself. Default 1e-9. */
  relativeLogLikelihoodTolerance?: number;
  /** EM steps at most (each an E-step and an M-step). Default 500. */
  maxIterations?: number;
}

export interface RaterMeasure {
  id: string;
  /** Logits; positive = harsher than the average rater. */
  severity: number;
  /** Standard error (cross-product information: includes the uncertainty in the submissions' abilities). */
  se: number;
  /** Information-weighted mean square (≈ 1 when the rater fits; > 1.3 erratic, < 0.7 too predictable). */
  infit: number;
  /** Unweighted mean square: sensitive to surprising single scores. */
  outfit: number;
  /** Observations by this rater. */
  n: number;
}

export interface ManyFacetRaschResult {
  raters: RaterMeasure[];
  criteria: { id: string; difficulty: number; se: number }[];
  /** τ_1..τ_K in logits (the step into each category above the lowest). */
  thresholds: number[];
  /** Standard deviation of submission ability (logits). */
  abilitySd: number;
  /**
   * Rubric levels per logit for the ratings given: the mean slope of the expected score (its model
   * variance). Severity × this ≈ how many levels lower than the average rater someone scores.
   */
  levelsPerLogit: number;
  /** Each submission's ability (expected a posteriori, logits). */
  abilities: Map<string, number>;
  /** Whether the EM settled (see the tolerances) within `maxIterations` steps. */
  converged: boolean;
  /** EM steps taken (SQUAREM's extrapolations included as the steps they cost). */
  iterations: number;
  logLikelihood: number;
}

/** The ability spread never collapses to nothing (one submission, or every submission alike). */
const smallestSigma = 0.05;

export function manyFacetRasch(observations: readonly RaterObservation[], options: ManyFacetRaschOptions): ManyFacetRaschResult {
  const levels = [...new Set(options.categories)].sort((a, b) => a - b);
  if (levels.length < 2) throw new RangeError('A rating scale needs at least two categories.');
  const categoryOf = new Map(levels.map((level, index) => [level, index]));
  const categories = levels.length;
  const steps = categories - 1;
  const tolerance = options.tolerance ?? 1e-5;
  const relativeLogLikelihoodTolerance = options.relativeLogLikelihoodTolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 500;

  // Observations as arrays of indices, grouped by submission.
  const submissions = indexer();
  const raters = indexer();
  const criteria = indexer();
  const count = observations.length;
  const obsSubmission = new Int32Array(count);
  const obsRater = new Int32Array(count);
  const obsCriterion = new Int32Array(count);
  const obsCategory = new Int32Array(count);
  for (let o = 0; o < count; o++) {
    const observation = observations[o]!;
    const category = categoryOf.get(observation.level);
    if (category === undefined) throw new RangeError(`The level ${observation.level} is not one of the categories given.`);
    obsSubmission[o] = submissions.index(observation.submission);
    obsRater[o] = raters.index(observation.rater);
    obsCriterion[o] = criteria.index(observation.criterion);
    obsCategory[o] = category;
  }
  const N = submissions.ids.length;
  const R = raters.ids.length;
  const I = criteria.ids.length;
  if (count === 0) return { raters: [], criteria: [], thresholds: new Array<number>(steps).fill(0), abilitySd: 0, levelsPerLogit: 0, abilities: new Map(), converged: false, iterations: 0, logLikelihood: 0 };

  // Pairs (criterion, rater) that occur, and each observation's pair; observations in submission order.
  const pairOfKey = new Map<number, number>();
  const pairCriterion: number[] = [];
  const pairRater: number[] = [];
  const obsPair = new Int32Array(count);
  for (let o = 0; o < count; o++) {
    const key = obsCriterion[o]! * R + obsRater[o]!;
    let pair = pairOfKey.get(key);
    if (pair === undefined) {
      pair = pairCriterion.length;
      pairOfKey.set(key, pair);
      pairCriterion.push(obsCriterion[o]!);
      pairRater.push(obsRater[o]!);
    }
    obsPair[o] = pair;
  }
  const P = pairCriterion.length;
  const start = new Int32Array(N + 1);
  for (let o = 0; o < count; o++) start[obsSubmission[o]! + 1]! += 1;
  for (let n = 0; n < N; n++) start[n + 1]! += start[n]!;
  const order = new Int32Array(count);
  {
    const fill = start.slice(0, N);
    for (let o = 0; o < count; o++) order[fill[obsSubmission[o]!]!++] = o;
  }

  const { tau, delta } = startingValues(obsCategory, obsCriterion, categories, I);
  const lambda = new Float64Array(R);
  let sigma = 1;

  const Q = nodeCount;
  const theta = new Float64Array(Q);
  const cumulative = new Float64Array(categories);
  const table = new Float64Array(P * Q * categories); // log P(k | node q, pair p)
  const chance = new Float64Array(P * Q * categories); // P(k | node q, pair p)
  const posterior = new Float64Array(N * Q);
  const expected = new Float64Array(P * Q * categories); // expected count of category k at node q for pair p
  const logLikelihoodAt = new Float64Array(Q);

  const tabulate = (): void => {
    for (let q = 0; q < Q; q++) theta[q] = sigma * standardNodes[q]!;
    tabulateFixedNodes();
  };
  /** The category probabilities at the current nodes (an M-step moves the parameters, not the nodes). */
  function tabulateFixedNodes(): void {
    cumulative[0] = 0;
    for (let k = 1; k < categories; k++) cumulative[k] = cumulative[k - 1]! + tau[k - 1]!;
    for (let p = 0; p < P; p++) {
      const location = delta[pairCriterion[p]!]! + lambda[pairRater[p]!]!;
      for (let q = 0; q < Q; q++) categoryLogProbabilities(theta[q]!, location, cumulative, table, (p * Q + q) * categories);
    }
    for (let x = 0; x < table.length; x++) chance[x] = Math.exp(table[x]!);
  }

  /** E-step: each submission's posterior over the nodes, the expected counts, and the marginal log-likelihood. */
  const expectation = (): number => {
    expected.fill(0);
    let total = 0;
    for (let n = 0; n < N; n++) {
      let largest = -Infinity;
      for (let q = 0; q < Q; q++) {
        let ll = logNodeWeights[q]!;
        for (let at = start[n]!; at < start[n + 1]!; at++) {
          const o = order[at]!;
          ll += table[(obsPair[o]! * Q + q) * categories + obsCategory[o]!]!;
        }
        logLikelihoodAt[q] = ll;
        if (ll > largest) largest = ll;
      }
      let sum = 0;
      for (let q = 0; q < Q; q++) sum += Math.exp(logLikelihoodAt[q]! - largest);
      const logMarginal = largest + Math.log(sum);
      total += logMarginal;
      for (let q = 0; q < Q; q++) {
        const weight = Math.exp(logLikelihoodAt[q]! - logMarginal);
        posterior[n * Q + q] = weight;
        if (weight < 1e-12) continue;
        for (let at = start[n]!; at < start[n + 1]!; at++) {
          const o = order[at]!;
          expected[(obsPair[o]! * Q + q) * categories + obsCategory[o]!]! += weight;
        }
      }
    }
    return total;
  };

  // Per pair: gradient and (negative) information of the expected log-likelihood in its location.
  const pairGradient = new Float64Array(P);
  const pairInformation = new Float64Array(P);
  const stepGradient = new Float64Array(steps);
  const stepInformation = new Float64Array(steps);
  const sufficient = (): void => {
    pairGradient.fill(0);
    pairInformation.fill(0);
    stepGradient.fill(0);
    stepInformation.fill(0);
    for (let p = 0; p < P; p++) {
      for (let q = 0; q < Q; q++) {
        const base = (p * Q + q) * categories;
        let weight = 0;
        let observedScore = 0;
        let expectedScore = 0;
        let expectedSquare = 0;
        for (let k = 0; k < categories; k++) {
          const c = expected[base + k]!;
          const probability = chance[base + k]!;
          weight += c;
          observedScore += k * c;
          expectedScore += k * probability;
          expectedSquare += k * k * probability;
        }
        if (weight === 0) continue;
        // d/d(location) log P(k) = E[k] − k
        pairGradient[p]! += weight * expectedScore - observedScore;
        pairInformation[p]! += weight * (expectedSquare - expectedScore * expectedScore);
        // d/dτ_j log P(k) = P(X ≥ j) − [k ≥ j]
        let atLeast = 0;
        let observedAtLeast = 0;
        for (let k = categories - 1; k >= 1; k--) {
          atLeast += chance[base + k]!;
          observedAtLeast += expected[base + k]!;
          stepGradient[k - 1]! += weight * atLeast - observedAtLeast;
          stepInformation[k - 1]! += weight * atLeast * (1 - atLeast);
        }
      }
    }
  };

  const criterionInformation = new Float64Array(I);
  const raterInformation = new Float64Array(R);
  const facetSums = (): { criterionGradient: Float64Array; raterGradient: Float64Array } => {
    const criterionGradient = new Float64Array(I);
    const raterGradient = new Float64Array(R);
    criterionInformation.fill(0);
    raterInformation.fill(0);
    for (let p = 0; p < P; p++) {
      criterionGradient[pairCriterion[p]!]! += pairGradient[p]!;
      criterionInformation[pairCriterion[p]!]! += pairInformation[p]!;
      raterGradient[pairRater[p]!]! += pairGradient[p]!;
      raterInformation[pairRater[p]!]! += pairInformation[p]!;
    }
    return { criterionGradient, raterGradient };
  };

  /**
   * The information in each rater's severity and each criterion's difficulty as the sum over
   * submissions of their squared score contributions (the cross-product estimator). Unlike the
   * expected information at fixed abilities, it carries the uncertainty in each submission's ability,
   * which matters when each submission is seen by only a couple of raters.
   */
  const crossProductInformation = (): { raterInformation: Float64Array; criterionInformation: Float64Array } => {
    const expectedScore = new Float64Array(P * Q);
    for (let p = 0; p < P; p++) {
      for (let q = 0; q < Q; q++) {
        const base = (p * Q + q) * categories;
        let mean = 0;
        for (let k = 1; k < categories; k++) mean += k * chance[base + k]!;
        expectedScore[p * Q + q] = mean;
      }
    }
    const raterScore = new Float64Array(R);
    const criterionScore = new Float64Array(I);
    const raterTotal = new Float64Array(R);
    const criterionTotal = new Float64Array(I);
    for (let n = 0; n < N; n++) {
      for (let at = start[n]!; at < start[n + 1]!; at++) {
        const o = order[at]!;
        let contribution = -obsCategory[o]!;
        for (let q = 0; q < Q; q++) contribution += posterior[n * Q + q]! * expectedScore[obsPair[o]! * Q + q]!;
        raterScore[obsRater[o]!]! += contribution;
        criterionScore[obsCriterion[o]!]! += contribution;
      }
      for (let at = start[n]!; at < start[n + 1]!; at++) {
        const o = order[at]!;
        const r = obsRater[o]!;
        const i = obsCriterion[o]!;
        raterTotal[r]! += raterScore[r]! * raterScore[r]!;
        raterScore[r] = 0;
        criterionTotal[i]! += criterionScore[i]! * criterionScore[i]!;
        criterionScore[i] = 0;
      }
    }
    return { raterInformation: raterTotal, criterionInformation: criterionTotal };
  };

  // The parameters as one vector for the accelerated EM: difficulties, severities, thresholds, log σ.
  const size = I + R + steps + 1;
  const load = (x: Float64Array): void => {
    delta.set(x.subarray(0, I));
    lambda.set(x.subarray(I, I + R));
    tau.set(x.subarray(I + R, I + R + steps));
    sigma = Math.exp(x[size - 1]!);
  };
  const store = (x: Float64Array): void => {
    x.set(delta, 0);
    x.set(lambda, I);
    x.set(tau, I + R);
    x[size - 1] = Math.log(sigma);
  };

  /** One EM step from `x` into `next` (E-step, then one Newton step per facet): answers the log-likelihood at `x`. */
  const emStep = (x: Float64Array, next: Float64Array): number => {
    load(x);
    tabulate();
    const logLikelihood = expectation();

    // The abilities' mean and spread as the posteriors have them. The model fixes their mean at 0, so
    // the mean found moves into the difficulties below (parameter-expanded EM): plain EM would leave
    // the overall level to creep there a little each step, very slowly when each submission has many
    // ratings, and could stop far from it.
    let firstMoment = 0;
    let secondMoment = 0;
    for (let n = 0; n < N; n++) {
      for (let q = 0; q < Q; q++) {
        const weight = posterior[n * Q + q]!;
        firstMoment += weight * theta[q]!;
        secondMoment += weight * theta[q]! * theta[q]!;
      }
    }
    const abilityMean = firstMoment / N;
    sigma = Math.max(smallestSigma, Math.sqrt(Math.max(0, secondMoment / N - abilityMean * abilityMean)));

    // One Newton step per facet, one facet after the other (each sees the others' new values), so
    // that no two facets correct the same misfit at once (the information is positive: ascent is
    // + gradient / information). Severities and thresholds are identified by their sums (0): their
    // steps keep those sums (the constrained Newton step, its multiplier weighted by each step's
    // variance), so the overall level is the difficulties' alone (newtonStep, rasch-steps.ts).
    sufficient();
    newtonStep(delta, facetSums().criterionGradient, criterionInformation, false);
    tabulateFixedNodes();
    sufficient();
    newtonStep(lambda, facetSums().raterGradient, raterInformation, true);
    tabulateFixedNodes();
    sufficient();
    newtonStep(tau, stepGradient, stepInformation, true);
    // The sums again, exactly (a clamped step can leave them off; the first step starts from any values).
    const lambdaMean = lambda.reduce((sum, value) => sum + value, 0) / R;
    for (let r = 0; r < R; r++) lambda[r] = lambda[r]! - lambdaMean;
    const tauShift = tau.reduce((sum, value) => sum + value, 0) / steps;
    for (let j = 0; j < steps; j++) tau[j] = tau[j]! - tauShift;
    for (let i = 0; i < I; i++) delta[i] = delta[i]! + lambdaMean + tauShift - abilityMean;
    store(next);
    return logLikelihood;
  };

  const initial = new Float64Array(size);
  store(initial);
  const fit = squarem(initial, emStep, { tolerance, relativeLogLikelihoodTolerance, maxIterations });
  load(fit.x);
  const { iterations, converged } = fit;

  // Standard errors and fit at the estimates.
  tabulate();
  const logLikelihood = expectation();
  const { raterInformation: raterCrossProducts, criterionInformation: criterionCrossProducts } = crossProductInformation();
  const abilityOf = new Float64Array(N); // expected a posteriori
  for (let n = 0; n < N; n++) {
    let mean = 0;
    for (let q = 0; q < Q; q++) mean += posterior[n * Q + q]! * theta[q]!;
    abilityOf[n] = mean;
  }
  const { squaredResiduals, variances, standardizedSquares, ratedBy } = raterResiduals(
    { count, raters: R, categories, rater: obsRater, submission: obsSubmission, criterion: obsCriterion, category: obsCategory },
    { ability: abilityOf, difficulty: delta, severity: lambda, cumulative },
  );

  return {
    raters: raters.ids.map((id, r) => ({
      id,
      severity: lambda[r]!,
      se: raterCrossProducts[r]! > 0 ? 1 / Math.sqrt(raterCrossProducts[r]!) : Number.POSITIVE_INFINITY,
      infit: variances[r]! > 0 ? squaredResiduals[r]! / variances[r]! : 1,
      outfit: ratedBy[r]! > 0 ? standardizedSquares[r]! / ratedBy[r]! : 1,
      n: ratedBy[r]!,
    })),
    criteria: criteria.ids.map((id, i) => ({
      id,
      difficulty: delta[i]!,
      se: criterionCrossProducts[i]! > 0 ? 1 / Math.sqrt(criterionCrossProducts[i]!) : Number.POSITIVE_INFINITY,
    })),
    thresholds: [...tau],
    abilitySd: sigma,
    levelsPerLogit: variances.reduce((sum, value) => sum + value, 0) / count,
    abilities: new Map(submissions.ids.map((id, n) => [id, abilityOf[n]!])),
    converged,
    iterations,
    logLikelihood,
  };
}
