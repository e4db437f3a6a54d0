import { categoryLogProbabilities, clampStep, priorPrecision } from './rasch-steps';
import type { ManyFacetRaschResult, RaterMeasure, RaterObservation } from './many-facet-rasch';

/**
 * Each rater's severity within each group of their ratings (a week, say), on the scale of a fit of
 * all of them: criteria, thresholds and the submissions' abilities stay as that fit found them, and
 * only the rater's severity is found again (Newton on its likelihood). Cheap enough to run for every
 * week of a year, and comparable across weeks: a rater drifting harsher reads as a rising number.
 */
export function severitiesByGroup(observations: readonly (RaterObservation & { group: string })[], fit: ManyFacetRaschResult, categories: readonly number[]): Map<string, Omit<RaterMeasure, 'infit' | 'outfit'>[]> {
  const levels = [...new Set(categories)].sort((a, b) => a - b);
  const categoryOf = new Map(levels.map((level, index) => [level, index]));
  const difficultyOf = new Map(fit.criteria.map((criterion) => [criterion.id, criterion.difficulty]));
  const cumulative = new Float64Array(levels.length);
  for (let k = 1; k < levels.length; k++) cumulative[k] = cumulative[k - 1]! + (fit.thresholds[k - 1] ?? 0);
  const cells = new Map<string, { group: string; rater: string; observations: { ability: number; difficulty: number; category: number }[] }>();
  for (const observation of observations) {
    const ability = fit.abilities.get(observation.submission);
    const difficulty = difficultyOf.get(observation.criterion);
    const category = categoryOf.get(observation.level);
    if (ability === undefined || difficulty === undefined || category === undefined) continue;
    const key = `${observation.group}\u0000${observation.rater}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { group: observation.group, rater: observation.rater, observations: [] }));
    cell.observations.push({ ability, difficulty, category });
  }
  const overall = new Map(fit.raters.map((rater) => [rater.id, rater.severity]));
  const probabilities = new Float64Array(levels.length);
  const byGroup = new Map<string, Omit<RaterMeasure, 'infit' | 'outfit'>[]>();
  for (const cell of cells.values()) {
    let severity = overall.get(cell.rater) ?? 0;
    let information = 0;
    for (let iteration = 0; iteration < 20; iteration++) {
      let gradient = -priorPrecision * (severity - (overall.get(cell.rater) ?? 0));
      information = priorPrecision;
      for (const { ability, difficulty, category } of cell.observations) {
        categoryLogProbabilities(ability, difficulty + severity, cumulative, probabilities, 0);
        let mean = 0;
        let square = 0;
        for (let k = 1; k < levels.length; k++) {
          const probability = Math.exp(probabilities[k]!);
          mean += k * probability;
          square += k * k * probability;
        }
        gradient += mean - category;
        information += square - mean * mean;
      }
      const step = clampStep(gradient / information);
      severity += step;
      if (Math.abs(step) < 1e-5) break;
    }
    const list = byGroup.get(cell.group) ?? [];
    list.push({ id: cell.rater, severity, se: 1 / Math.sqrt(information), n: cell.observations.length });
    byGroup.set(cell.group, list);
  }
  return byGroup;
}
