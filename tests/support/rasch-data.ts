import type { RaterObservation } from '../../shared/statistics/many-facet-rasch';
import { randomSource } from '../hosted-api/faults';

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export interface RaschTruth {
  severities: number[];
  difficulties: number[];
  thresholds: number[];
  abilitySd: number;
}

/**
 * Ratings drawn from the rating-scale many-facet Rasch model with known parameters: each submission
 * scored on every criterion by `ratersPerSubmission` raters picked at random. Levels are 1..K+1.
 */
export function simulateRatings(truth: RaschTruth, options: { submissions: number; ratersPerSubmission: number; seed: number }): RaterObservation[] {
  const random = randomSource(options.seed);
  const observations: RaterObservation[] = [];
  const categories = truth.thresholds.length + 1;
  const weights = new Array<number>(categories);
  for (let n = 0; n < options.submissions; n++) {
    const ability = truth.abilitySd * normal(random);
    const chosen = new Set<number>();
    while (chosen.size < Math.min(options.ratersPerSubmission, truth.severities.length)) chosen.add(Math.floor(random() * truth.severities.length));
    for (const r of chosen) {
      for (let i = 0; i < truth.difficulties.length; i++) {
        let cumulative = 0;
        let total = 0;
        for (let k = 0; k < categories; k++) {
          if (k > 0) cumulative += ability - truth.difficulties[i]! - truth.severities[r]! - truth.thresholds[k - 1]!;
          weights[k] = Math.exp(cumulative);
          total += weights[k]!;
        }
        let pick = random() * total;
        let k = 0;
        while (k < categories - 1 && pick > weights[k]!) pick -= weights[k++]!;
        observations.push({ submission: `s${n}`, rater: `r${r}`, criterion: `c${i}`, level: k + 1 });
      }
    }
  }
  return observations;
}
